/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite'
import react from '@vitejs/plugin-react'

// The dev server proxies the API to a local stack (./run-local) so that the refresh cookie, scoped to /api/auth,
// is same-origin for the browser, exactly as behind the gateway. The proxy stands in for the gateway's origin: the
// browser's Origin (http://localhost:5173) becomes the gateway's, which auth-service accepts for cookie refreshes.
const gateway = process.env.TASKFLOW_GATEWAY ?? 'http://localhost:8080'
const proxied: ProxyOptions = {
  target: gateway,
  changeOrigin: true,
  configure: (proxy) =>
    proxy.on('proxyReq', (request) => {
      if (request.getHeader('origin')) request.setHeader('origin', gateway)
    }),
}

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': proxied,
      '/oauth2': proxied,
      '/.well-known': proxied,
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // the gateway's CSP forbids inline script and style: never inline assets as data: URLs into CSS/JS
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
  test: {
    environment: 'jsdom',
    // e2e/ holds the browser tests, run by Playwright against a running suite
    include: ['src/**/*.test.{ts,tsx}'],
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
})
