/** Stream names are `<category>-<id>`, e.g. `referral-3f2c…`; the category is what subscriptions filter on. */
export function streamName(category: string, id: string): string {
  return `${category}-${id}`;
}

export function streamCategory(name: string): string {
  const dash = name.indexOf('-');
  return dash === -1 ? name : name.slice(0, dash);
}
