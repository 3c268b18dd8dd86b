// https://github.com/tanaikech/MCPApp/blob/master/MCPApp.js
