module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'assessments-contracts', rootDir: __dirname };
