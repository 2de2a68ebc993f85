module.exports = { ...require('../../jest.preset.cjs'), displayName: 'assessments', rootDir: __dirname };
