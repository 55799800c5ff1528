/** The file `cloud-inventory init` writes. */
export const starterConfigFileName = 'cloud-inventory.config.mjs';

/** Contents of the starter config: two mock clouds, with a real AWS and DigitalOcean account in comments. */
export const starterConfig = `// Cloud Inventory configuration, read by \`cloud-inventory\` from the working directory.
// Any string may use \${ENV_VAR} (or \${ENV_VAR:-default}); a variable that is not set is an error.
// With the CLI installed in this project you can also write:
//   import { defineConfig } from '@cloud-inventory/cli';
//   export default defineConfig({ ... });

/** @type {import('@cloud-inventory/cli').CloudInventoryConfig} */
export default {
  // Where the inventory lives: a folder (an embedded on-disk store) or any s3db.js connection string.
  //   AWS S3:            's3://\${AWS_ACCESS_KEY_ID}:\${AWS_SECRET_ACCESS_KEY}@my-inventory-bucket/inventory'
  //   S3-compatible:     'http://\${S3_ACCESS_KEY}:\${S3_SECRET_KEY}@127.0.0.1:9000/inventory'
  // --store and CLOUD_INVENTORY_STORE override it.
  store: './.cloud-inventory',

  clouds: [
    // Mock clouds: deterministic synthetic estates that drift a little between syncs.
    // They come with the CLI, so \`cloud-inventory sync\` works right away.
    { id: 'aws-sandbox', driver: 'aws-mock', config: { seed: 1, resourceCount: 200 } },
    { id: 'do-sandbox', driver: 'digitalocean-mock', config: { seed: 2, resourceCount: 80 } },

    // A real AWS account. Run from a clone of the repository (bin/cloud-inventory), the CLI uses the
    // clone's driver; elsewhere install it first: npm install @cloud-inventory/driver-aws.
    // {
    //   id: 'aws-prod',
    //   driver: 'aws',
    //   credentials: {
    //     accessKeyId: '\${AWS_ACCESS_KEY_ID}',
    //     secretAccessKey: '\${AWS_SECRET_ACCESS_KEY}',
    //   },
    //   config: { accountId: '123456789012', regions: ['us-east-1', 'eu-west-1'] },
    //   tags: { environment: 'production' },
    //   scheduled: { enabled: true, cron: '0 * * * *' },
    // },

    // A DigitalOcean team (in a clone: nothing to install; elsewhere: @cloud-inventory/driver-digitalocean).
    // { id: 'do-team', driver: 'digitalocean', credentials: { token: '\${DIGITALOCEAN_TOKEN}' } },
  ],

  discovery: {
    // Clouds synced at once.
    concurrency: 3,
  },

  // \`cloud-inventory run\` syncs every cloud on this schedule until stopped.
  scheduled: { enabled: true, cron: '0 */6 * * *', timezone: 'UTC' },
};
`;
