module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'sessions-domain', rootDir: __dirname };
