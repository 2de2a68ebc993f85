module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'referrals-domain', rootDir: __dirname };
