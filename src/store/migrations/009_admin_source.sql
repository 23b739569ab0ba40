-- Where a person's admin right comes from: 'config' (RISHAI_ADMINS, follows the file) or 'chat'
-- (#设置 管理员, kept until revoked). NULL for everyone else.
ALTER TABLE persons ADD COLUMN admin_source TEXT CHECK (admin_source IN ('config', 'chat'));
UPDATE persons SET admin_source = 'config' WHERE is_admin = 1;
