export * from './users';
export * from './tenants';
export * from './commerce';
export * from './jobs';
export * from './ingest';
export * from './embeddings';
export * from './recommend';
export * from './storefront';
