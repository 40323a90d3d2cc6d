import { test as base, expect } from '@playwright/test'

/** A page on the dev server's blank harness, from which tests import src modules. */
export const test = base.extend({
  page: async ({ page }, use) => {
    await page.goto('/e2e/modules/blank.html')
    await use(page)
  },
})
export { expect }
