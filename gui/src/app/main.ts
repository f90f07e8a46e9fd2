import './faces-app.js';
