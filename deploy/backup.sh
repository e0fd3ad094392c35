#!/bin/sh
# Online backup of DATABASE_PATH into BACKUP_DIR (default: backups/ beside the database), then rotation: the newest
# KEEP (default 14) daily backups stay. Safe while the app runs. The backups taken before migrations
# (crm-before-migration-…) are named apart and never rotated away. Run from the app folder (the built server).
set -eu
db="${DATABASE_PATH:-./data/crm.sqlite}"
dir="${BACKUP_DIR:-$(dirname "$db")/backups}"
keep="${KEEP:-14}"
mkdir -p "$dir"
node server/dist/db-backup.js "$dir/backup-$(date +%Y-%m-%d-%H%M%S).sqlite"
# Names sort by time; everything but the newest $keep goes.
ls -1 "$dir" | grep -E '^backup-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6}\.sqlite$' | sort -r | tail -n +"$((keep + 1))" |
  while read -r old; do rm -f -- "$dir/$old" "$dir/$old-wal" "$dir/$old-shm"; done
