module.exports = { ...require('../../jest.preset.cjs'), displayName: 'sessions', rootDir: __dirname };
