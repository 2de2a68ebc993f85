module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-http-conventions', rootDir: __dirname };
