export * from './schema';
export * from './parse';
export * from './engine';
export * from './controlPlane';
