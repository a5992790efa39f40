// The app's build: React with the SDK compiled from its TypeScript sources (`../sdk`).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  build: { target: "es2022", chunkSizeWarningLimit: 1_600 },
  test: { environment: "happy-dom", include: ["src/**/*.test.{ts,tsx}"] },
});
