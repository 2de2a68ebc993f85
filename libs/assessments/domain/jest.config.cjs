module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'assessments-domain', rootDir: __dirname };
