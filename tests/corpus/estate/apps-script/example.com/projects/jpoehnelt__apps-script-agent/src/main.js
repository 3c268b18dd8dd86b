const PROJECT_ID = "jpoehnelt-external";
const MODEL = "gemini-2.0-flash-001";

function main() {
  // Start the agent loop
  globalThis.main_({ MODEL, PROJECT_ID });
}
