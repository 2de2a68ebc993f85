module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'reporting-testing', rootDir: __dirname };
