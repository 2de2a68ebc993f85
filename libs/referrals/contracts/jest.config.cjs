module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'referrals-contracts', rootDir: __dirname };
