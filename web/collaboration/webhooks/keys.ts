export const webhooksKey = (workspaceId: string) => ['webhooks', workspaceId] as const;
export const deliveriesKey = (workspaceId: string, webhookId: string) => ['webhooks', workspaceId, webhookId, 'deliveries'] as const;
