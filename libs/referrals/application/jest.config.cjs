module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'referrals-application', rootDir: __dirname };
