import { simulateBusinessCase, securityAle } from '@tandem/core';
import * as m from '../apps/server/src/demo/cases';
