module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'reporting-application', rootDir: __dirname };
