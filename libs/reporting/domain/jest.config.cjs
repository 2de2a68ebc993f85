module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'reporting-domain', rootDir: __dirname };
