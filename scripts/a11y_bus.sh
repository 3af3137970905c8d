# Sourced by scripts/screen_reader.sh and scripts/orca_speech.sh: the accessibility
# bus of a private D-Bus session, switched on the way a desktop does when a screen
# reader runs, waiting on the bus itself instead of a fixed delay (on a loaded machine
# a fixed second was too short, the switch was lost and the app never built its tree).

# wait_until SECONDS WHAT COMMAND...: runs COMMAND every 0.1 s until it succeeds;
# gives up with WHAT after SECONDS.
wait_until() {
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "$(basename "$0"): gave up waiting for $what" >&2
      return 1
    fi
    sleep 0.1
  done
}

a11y_bus_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus | grep -q 'boolean true'
}

a11y_flag_is_on() { # FLAG
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Get string:org.a11y.Status "string:$1" |
    grep -q 'boolean true'
}

# a11y_bus_start FLAG...: turns each FLAG (IsEnabled, ScreenReaderEnabled) on where
# the bus launcher reads it, GSettings, in a private keyfile backend (this session's
# dconf may refuse the write, and then the launcher turns the switch off again);
# starts the launcher (its pid appended to the caller's `pids`), and waits until it
# owns its name and reads every FLAG back as on.
a11y_bus_start() {
  XDG_CONFIG_HOME=$(mktemp -d)
  export XDG_CONFIG_HOME GSETTINGS_BACKEND=keyfile
  local flag
  for flag in "$@"; do
    case $flag in
      IsEnabled) gsettings set org.gnome.desktop.interface toolkit-accessibility true ;;
      ScreenReaderEnabled) gsettings set org.gnome.desktop.a11y.applications screen-reader-enabled true ;;
      *) echo "a11y_bus_start: unknown flag $flag" >&2; return 1 ;;
    esac
  done
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  pids+=($!)
  wait_until "${A11Y_BUS_TIMEOUT:-30}" "the accessibility bus (org.a11y.Bus)" a11y_bus_owned
  for flag in "$@"; do
    wait_until "${A11Y_BUS_TIMEOUT:-30}" "org.a11y.Status $flag to read true" a11y_flag_is_on "$flag"
  done
}
