module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-relay', rootDir: __dirname };
