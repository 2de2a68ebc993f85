module.exports = { ...require('../../jest.preset.cjs'), displayName: 'tools-dead-letters', rootDir: __dirname };
