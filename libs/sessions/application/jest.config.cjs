module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'sessions-application', rootDir: __dirname };
