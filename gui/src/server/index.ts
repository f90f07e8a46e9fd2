export { buildGuiApp, DEFAULT_APP_ROOT, type GuiDeps, isPageRequest } from './app.js';
export { colorFor, DEFAULT_FACE_TIMEOUT_MS, DEFAULT_PAGE_COLOR, type GuiConfig, readGuiConfig } from './config.js';
export { guiService } from './service.js';
