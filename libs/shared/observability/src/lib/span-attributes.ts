/**
 * Our own span attribute names, beside the semantic conventions (`http.*`, `db.*`, `messaging.*`).
 * None of them may ever carry personal data: districts, command types, stream names and revisions only.
 */
export const LienAttributes = {
  district: 'lien.district',
  commandType: 'lien.command.type',
  stream: 'lien.stream',
  revision: 'lien.stream.revision',
  eventType: 'lien.event.type',
  consumerGroup: 'lien.consumer.group',
} as const;
