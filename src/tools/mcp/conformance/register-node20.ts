// `node --import` entry: installs node20-hooks.ts before the conformance CLI loads.
import { register } from 'node:module'

register('./node20-hooks.ts', import.meta.url)
