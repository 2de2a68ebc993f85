module.exports = { ...require('../../jest.preset.cjs'), displayName: 'tools-browser', rootDir: __dirname };
