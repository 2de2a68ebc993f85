module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'assessments-application', rootDir: __dirname };
