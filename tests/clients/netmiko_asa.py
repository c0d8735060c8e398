#!/usr/bin/python3
# netmiko (Debian's python3-netmiko, device_type cisco_asa) against a
# device behind scripts/serve-ssh.sh: connect (enable, terminal pager 0,
# terminal width 511), show, configure, save; a second login sees the
# change. Usage: netmiko_asa.py PORT
import sys
import time

from netmiko import ConnectHandler

port = int(sys.argv[1])
dev = dict(device_type="cisco_asa", host="127.0.0.1", port=port,
           username="admin", password="secret", secret="enablepw",
           timeout=20, fast_cli=True)
fails = 0


def check(name, cond, detail=""):
    global fails
    print(("ok: " if cond else "FAIL: ") + name)
    if not cond:
        fails += 1
        for line in str(detail).splitlines()[:20]:
            print("    | " + line)


t0 = time.time()
conn = ConnectHandler(**dev)
check("connect and enable", conn.check_enable_mode(), conn.find_prompt())
check("prompt", conn.find_prompt() == "ciscoasa#", conn.find_prompt())
out = conn.send_command("show version")
check("show version", "Cisco Adaptive Security Appliance Software Version"
      in out and "Serial Number: JMX1234L0AB" in out, out)
check("no echo, no prompt in the output", not out.startswith("show") and
      "ciscoasa#" not in out, out)
out = conn.send_config_set(["ssh timeout 17",
                            "username netmiko password pw123 privilege 15"])
check("send_config_set", "ERROR" not in out, out)
out = conn.send_command("show running-config ssh")
check("change visible", "ssh timeout 17" in out, out)
out = conn.save_config()
check("save_config", "[OK]" in out, out)
conn.disconnect()

conn = ConnectHandler(**dev)
out = conn.send_command("show running-config")
check("second login sees the change", "ssh timeout 17" in out and
      "username netmiko password" in out, out)
conn.disconnect()
print("netmiko: %.1f s" % (time.time() - t0))
sys.exit(1 if fails else 0)
