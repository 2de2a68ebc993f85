module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-event-sourcing', rootDir: __dirname };
