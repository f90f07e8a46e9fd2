export { buildGuiApp, type GuiDeps, isPageRequest } from './app.js';
export { DEFAULT_APP_ROOT } from './app-root.js';
export { colorFor, DEFAULT_FACE_TIMEOUT_MS, DEFAULT_PAGE_COLOR, type GuiConfig, readGuiConfig } from './config.js';
export { guiService } from './service.js';
