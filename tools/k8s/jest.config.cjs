module.exports = { ...require('../../jest.preset.cjs'), displayName: 'tools-k8s', rootDir: __dirname, testTimeout: 120000 };
