module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'sessions-contracts', rootDir: __dirname };
