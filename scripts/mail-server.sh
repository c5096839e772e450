#!/usr/bin/env bash
# A real mail server on loopback for the mail tests (npm run test:mail) and the mail bench.
# Debian 12, as root, no systemd: Dovecot serves IMAP on 127.0.0.1:143 (plain login allowed,
# loopback only) from Maildir; Postfix takes SMTP on 127.0.0.1:25 (from loopback) and
# 127.0.0.1:587 (login required, checked by Dovecot) and hands mail for rapport.test to Dovecot
# over LMTP. Test users live in a Dovecot passwd-file. Safe to run again: it rewrites its own
# files and starts only what is not running.
#
# Users (all with the password "rapport-test"): alice, bob, carol, dave, bench @rapport.test.
# Plus addressing works: bob+anything@rapport.test lands in bob's Inbox, so each test can use
# addresses of its own.
set -euo pipefail

DOMAIN=rapport.test
PASSWORD=rapport-test
USERS=(alice bob carol dave bench)
VMAIL_UID=5000
MAIL_ROOT=/var/mail/rapport
CONF=/etc/dovecot/rapport.conf

if [ "$(id -u)" -ne 0 ]; then
  echo "mail-server.sh must run as root (it installs and starts Dovecot and Postfix)." >&2
  exit 1
fi

if ! command -v dovecot >/dev/null 2>&1 || ! command -v postfix >/dev/null 2>&1 ||
  [ ! -x /usr/lib/dovecot/lmtp ]; then
  export DEBIAN_FRONTEND=noninteractive
  debconf-set-selections <<EOF
postfix postfix/main_mailer_type select Local only
postfix postfix/mailname string $DOMAIN
EOF
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends dovecot-imapd dovecot-lmtpd postfix >/dev/null
fi

getent group vmail >/dev/null || groupadd -g "$VMAIL_UID" vmail
getent passwd vmail >/dev/null || useradd -u "$VMAIL_UID" -g vmail -d "$MAIL_ROOT" -s /usr/sbin/nologin vmail
install -d -o vmail -g vmail -m 0700 "$MAIL_ROOT"

# --- Dovecot: one self-contained configuration, so Debian's conf.d (PAM, system users) plays no part.
users_file=/etc/dovecot/rapport-users
: >"$users_file.new"
for u in "${USERS[@]}"; do
  echo "$u@$DOMAIN:{PLAIN}$PASSWORD:$VMAIL_UID:$VMAIL_UID::$MAIL_ROOT/$u::" >>"$users_file.new"
done
mv "$users_file.new" "$users_file"
chown root:dovecot "$users_file"
chmod 0640 "$users_file"

cat >"$CONF" <<EOF
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mail_uid = vmail
mail_gid = vmail
first_valid_uid = $VMAIL_UID
log_path = /var/log/dovecot-rapport.log
base_dir = /run/dovecot
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $users_file
}
userdb {
  driver = passwd-file
  args = username_format=%u $users_file
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  # Not called "Sent": the app must find it by its SPECIAL-USE flag, as on Gmail or Outlook.
  mailbox "Sent Items" {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}
protocol imap {
  mail_max_userip_connections = 100
  imap_capability = +SPECIAL-USE
}
protocol lmtp {
  # bob+x@rapport.test is delivered to bob.
  recipient_delimiter = +
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 143
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  unix_listener /var/spool/postfix/private/dovecot-lmtp {
    mode = 0600
    user = postfix
    group = postfix
  }
}
service auth {
  unix_listener /var/spool/postfix/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF

# --- Postfix: local only, rapport.test is a virtual domain delivered by Dovecot.
vmailbox=/etc/postfix/rapport-vmailbox
: >"$vmailbox"
for u in "${USERS[@]}"; do echo "$u@$DOMAIN OK" >>"$vmailbox"; done
postconf -e \
  "myhostname = mail.$DOMAIN" \
  "mydomain = $DOMAIN" \
  "myorigin = \$mydomain" \
  "mydestination = localhost" \
  "inet_interfaces = loopback-only" \
  "inet_protocols = ipv4" \
  "mynetworks = 127.0.0.0/8" \
  "relayhost =" \
  "recipient_delimiter = +" \
  "virtual_mailbox_domains = $DOMAIN" \
  "virtual_mailbox_maps = texthash:$vmailbox" \
  "virtual_transport = lmtp:unix:private/dovecot-lmtp" \
  "smtpd_sasl_type = dovecot" \
  "smtpd_sasl_path = private/auth" \
  "smtpd_sasl_auth_enable = yes" \
  "smtpd_tls_security_level = none" \
  "smtp_tls_security_level = none" \
  "message_size_limit = 52428800" \
  "maillog_file = /var/log/postfix-rapport.log" \
  "compatibility_level = 3.6"
# The submission port (587) requires a login, as a real provider's does.
postconf -M "submission/inet=submission inet n - n - - smtpd"
postconf -P "submission/inet/smtpd_sasl_auth_enable=yes" \
  "submission/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject" \
  "submission/inet/smtpd_recipient_restrictions=permit_sasl_authenticated,reject"
# Without the init script nothing copies resolv.conf and friends into a chroot: run unchrooted.
postconf -F '*/*/chroot = n'

install -d -o root -g root -m 0755 /run/dovecot
# Daemons get no inherited descriptors: a caller reading this script's output must not wait on them.
if [ -f /run/dovecot/master.pid ] && kill -0 "$(cat /run/dovecot/master.pid)" 2>/dev/null; then
  doveadm -c "$CONF" reload </dev/null >/dev/null 2>&1
else
  dovecot -c "$CONF" </dev/null >/dev/null 2>&1
fi
if postfix status </dev/null >/dev/null 2>&1; then
  postfix reload </dev/null >/dev/null 2>&1
else
  postfix start </dev/null >/dev/null 2>&1
fi

# Wait until both answer, so a test that starts right after finds them.
for _ in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/143) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/587) 2>/dev/null; then
    echo "Mail server ready: IMAP 127.0.0.1:143, SMTP 127.0.0.1:25 and :587; users ${USERS[*]/%/@$DOMAIN}, password $PASSWORD."
    exit 0
  fi
  sleep 0.2
done
echo "The mail server did not start; see /var/log/dovecot-rapport.log and /var/log/postfix-rapport.log." >&2
exit 1
