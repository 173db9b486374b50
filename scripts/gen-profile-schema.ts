/** Writes hw/profile.schema.json from the profile schema (editors validate profiles with it). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { builtinProfileDir, profileSchema } from '../src/hal/profile.js';

const schema = z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any' });
writeFileSync(join(builtinProfileDir(), '..', 'profile.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
