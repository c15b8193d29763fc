#!/bin/sh
exec '/Applications/VLC.app/Contents/MacOS/VLC' "$@"
