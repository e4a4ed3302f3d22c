import type { UserFromGetMe } from 'grammy/types';

/**
 * The getMe answer for a bot that runs without Telegram (the console chat, tests, the benchmark):
 * grammY needs it up front instead of calling getMe.
 */
export function offlineBotInfo(bot: { id: number; firstName: string; username: string; canJoinGroups: boolean }): UserFromGetMe {
  return {
    id: bot.id,
    is_bot: true,
    first_name: bot.firstName,
    username: bot.username,
    can_join_groups: bot.canJoinGroups,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
