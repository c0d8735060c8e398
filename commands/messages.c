/* SPDX-License-Identifier: MIT */
/*
 * Every user-visible ASA string the commands print, with its source. Tags
 * are the reference's: [V] verified capture, [D] Cisco documentation,
 * [M] best guess, [I] inferred. Each string is a printf format ("%%" for
 * a percent sign). Change a string here, nowhere else.
 */
#include "commands/commands.h"

#include <assert.h>
#include <stdarg.h>

static const char *const messages[MSG_COUNT] = {
	/* [V] reference 6.2: "cisco> en" / "Password: *****". */
	[MSG_ENABLE_PASSWORD] = "Password: ",
	/* [M med] reference 6.2: wrong enable password. */
	[MSG_ENABLE_INVALID] = "Invalid password\n",
	/* [M med] reference 6.2: after three failures. */
	[MSG_ENABLE_DENIED] = "Access denied.\n",
	/* [M med] the ASA's goodbye on exit/quit/logout. */
	[MSG_LOGOFF] = "\nLogoff\n\n",
	/* [V] reference 6.9, write memory (9.7 capture, demisto REST). */
	[MSG_BUILDING] = "Building configuration...\n",
	/* [V] reference 6.9: four groups, trailing blank (demisto). */
	[MSG_CHECKSUM_WRITE] = "Cryptochecksum: %.8s %.8s %.8s %.8s \n",
	/* [V] reference 6.8/6.9: "7180 bytes copied in 0.150 secs". */
	[MSG_BYTES_COPIED] = "\n%zu bytes copied in 0.150 secs\n",
	/* [V] reference 6.9. */
	[MSG_OK] = "[OK]\n",
	/* [V] reference 6.9: write erase. */
	[MSG_ERASE_CONFIRM] = "Erase configuration in flash memory? [confirm]",
	/* [M low] show startup-config with nothing saved. */
	[MSG_NO_STARTUP] = "No Configuration\n",
	/* [M low] a failed write to flash. */
	[MSG_FLASH_WRITE_FAILED] = "ERROR: Unable to write to flash: %s\n",
	/* [M low] an unusable hostname (ASA: letters, digits, '-', 63 max). */
	[MSG_HOSTNAME_INVALID] = "ERROR: Hostname must begin with a letter, "
	    "end with a letter or digit, and contain only letters, digits "
	    "and hyphens (63 characters at most).\n",
	/* [V] reference 2.2 (8.4 sample) and 2.1 (8.2, real device). */
	[MSG_FLASH_SAME] = "The flash permanent activation key is the SAME "
	    "as the running permanent key.\n",
	/* [M med] reference 2.3. */
	[MSG_FLASH_DIFFERENT] = "The flash permanent activation key is "
	    "DIFFERENT than the running permanent key.\nThe flash permanent "
	    "activation key takes effect after the next reload.\n",
	[MSG_FLASH_SAME_82] = "The flash activation key is the SAME as the "
	    "running key.\n",
	/* [M med] reference 2.1. */
	[MSG_FLASH_DIFFERENT_82] = "The flash activation key is DIFFERENT "
	    "than the running key.\nThe flash activation key takes effect "
	    "after the next reload.\n",
	/* [V] reference 3.6: 9.4(1) ASA 5515 boot, FWSM show version. */
	[MSG_KEY_INVALID_BOOT] = "The Running Activation Key is not valid, "
	    "using default settings:\n",
	/*
	 * [M low] a boot below 8.2 with a key holding 8.2+ licenses (the
	 * chapter's Upgrade and Downgrade Guidelines; no capture): the key
	 * entered in an earlier version runs, else the Base license.
	 */
	[MSG_KEY_DOWNGRADE_EARLIER] = "WARNING: The flash activation key "
	    "has licenses introduced in 8.2 or later and is not backwards "
	    "compatible.\nUsing the activation key entered in an earlier "
	    "version.\n",
	[MSG_KEY_DOWNGRADE_BASE] = "WARNING: The flash activation key has "
	    "licenses introduced in 8.2 or later and is not backwards "
	    "compatible.\nUsing the Base license: request an activation key "
	    "for this version.\n",
	/* [M high] reference 1.3: printed first for every key entry. */
	[MSG_KEY_VALIDATING] = "Validating activation key. This may take a "
	    "few minutes...\n",
	/* [M low] reference 1.3: invalid key, or a key for another serial. */
	[MSG_KEY_NOT_VALID] = "ERROR: The requested activation key is not "
	    "valid.\n",
	/* [M med] reference 1.3. */
	[MSG_KEY_BOTH_UPDATED] = "Both Running and Flash permanent activation "
	    "key was updated with the requested key.\n",
	/* [M med] reference 1.3: a change that needs a reload. */
	[MSG_KEY_RELOAD_WARNING] = "WARNING: The running activation key was "
	    "not updated with the requested key.\n",
	[MSG_KEY_PROCEED] = "Proceed with update flash activation key? "
	    "[confirm]",
	/* [M med] reference 1.3. */
	[MSG_KEY_FLASH_UPDATED] = "The flash permanent activation key was "
	    "updated with the requested key,\nand will become active after "
	    "the next reload.\n",
	/* [M low] the key store could not be written. */
	[MSG_KEY_STORE_FAILED] = "ERROR: Failed to update the activation key "
	    "in flash: %s\n",
	/* [M low] activate/deactivate given with a permanent key. */
	[MSG_KEY_NOT_TIMED] = "ERROR: The requested key is not a time-based "
	    "activation key.\n",
	/* [M low] chapter: an evaluation key blocks standalone keys. */
	[MSG_KEY_EVAL_BLOCKS] = "ERROR: An active evaluation activation key "
	    "already includes a feature of the requested key.\n",
	/* [M low] deactivate names a key that is not installed. */
	[MSG_KEY_NOT_INSTALLED] = "ERROR: The requested time-based key is "
	    "not installed.\n",
	/* [M med] reference 1.3. */
	[MSG_KEY_TIMED_ACTIVE] = "The requested key is a timebased key and "
	    "is activated, it has %u days remaining.\n",
	/* [M low] reference 1.3: wording uncertain. */
	[MSG_KEY_TIMED_INACTIVE] = "The requested key is a timebased key and "
	    "is now deactivated, it has %u days remaining.\n",
	/* [M low] clock set with a day the month does not have. */
	[MSG_CLOCK_INVALID] = "ERROR: Invalid date\n",
	/* [I] activate names a time-based key that has no time left. */
	[MSG_KEY_TIMED_EXPIRED] = "ERROR: The requested time-based "
	    "activation key has expired.\n",
	/* [M low] reference 1.3: a time-based key entered again while it
	 * is installed and active ("The requested key is ... already ...":
	 * the exact wording was not found); worded as MSG_KEY_NOT_VALID. */
	/* [M low] chapter, No Payload Encryption Models: "The ASA software
	 * senses a No Payload Encryption model, and disables" UC and VPN;
	 * their commands are refused (wording not found). */
	[MSG_NPE_REFUSED] = "ERROR: This feature is not supported on a No "
	    "Payload Encryption platform.\n",
	[MSG_KEY_ALREADY_INSTALLED] = "ERROR: The requested activation key "
	    "is already installed.\n",
	/* [V] reference 1.4 (format); pre-8.3 expiry to the permanent key. */
	[MSG_SYSLOG_444004] = "%%ASA-2-444004: Temporary license key %s has "
	    "expired. Applying permanent license key %s\n",
	/* [V] reference 1.4: a real instance, key words not zero-padded. */
	[MSG_SYSLOG_444005] = "%%ASA-4-444005: Timebased license key %s will "
	    "expire in %u days.\n",
	/* [V] reference 1.4 (format); features joined by ", " [I]. */
	[MSG_SYSLOG_444007_PERM] = "%%ASA-2-444007: Timebased activation key "
	    "%s has expired. Reverting to permanent license key. The "
	    "following features will be affected: %s\n",
	[MSG_SYSLOG_444007_TIMED] = "%%ASA-2-444007: Timebased activation key "
	    "%s has expired. Reverting to timebased license key. The "
	    "following features will be affected: %s\n",
	/* [V partial] reference 6.7: show curpriv. */
	[MSG_CURPRIV] = "Username : %s\nCurrent privilege level : %d\n"
	    "Current Mode/s : %s\n",
	/* [M med] show terminal: as netspoc's ASA test double answers "sh
	   term" (9.4); "no monitor": asaemu has no terminal monitor. */
	[MSG_SHOW_TERMINAL] = "Width = %u, no monitor\nterminal interactive\n",
	/* [M med] show memory: labels and values of a 9.x ASA 5555 (Cisco
	   community post, whitespace lost); the columns are a guess. */
	[MSG_MEMORY] = "Free memory:  %15llu bytes (%2u%%)\n"
	    "Used memory:  %15llu bytes (%2u%%)\n"
	    "-------------     ----------------\n"
	    "Total memory: %15llu bytes (100%%)\n",
	/* [V] show inventory, ntc-templates captures: PID in 18 columns,
	   VID in 8. */
	[MSG_INVENTORY_ITEM] = "Name: \"%s\", DESCR: \"%s\"\n"
	    "PID: %-18s, VID: %-8s, SN: %s\n",
	/* [V] reference 6.3: INFO: Security level for "outside" set to 0
	 * by default. ("inside" gets 100: CLI guide, nameif). */
	[MSG_IF_SECLEVEL_DEFAULT] = "INFO: Security level for \"%s\" set to "
	    "%u by default.\n",
	/* [M low] an interface name the platform does not have (the ASA
	 * puts a caret under it; handlers cannot place one). */
	[MSG_IF_UNKNOWN] = "ERROR: Interface %s does not exist on this "
	    "platform.\n",
	/* [M low] no interface on a physical interface. */
	[MSG_IF_PHYSICAL] = "ERROR: Physical interface %s cannot be "
	    "removed.\n",
	/* [M low] Table 5-16 "Interfaces of all types, Max.": every
	 * interface defined counts against the license. */
	[MSG_IF_MAX] = "ERROR: Cannot create %s: the license allows at most "
	    "%u interfaces.\n",
	/* [M low] Table 5-16 "VLANs, Maximum": an interface counts once a
	 * VLAN is assigned. */
	[MSG_IF_VLAN_MAX] = "ERROR: Cannot assign VLAN %u: the license "
	    "allows at most %u VLANs.\n",
	/* [M low] vlan on a physical interface. */
	[MSG_IF_VLAN_PHYSICAL] = "ERROR: A VLAN can only be assigned to a "
	    "subinterface.\n",
	/* [M low] */
	[MSG_IF_VLAN_USED] = "ERROR: VLAN %u is already in use by %s.\n",
	/* [M low] */
	[MSG_IF_NAMEIF_USED] = "ERROR: Name \"%s\" is already in use by %s.\n",
	/* [M low] nameif is 1-48 characters. */
	[MSG_IF_NAMEIF_LONG] = "ERROR: Interface name must be 48 characters "
	    "or less.\n",
	/* [M low] a mask that is not contiguous ones then zeros. */
	[MSG_IF_BAD_MASK] = "ERROR: Invalid netmask %s\n",
	/* [M low] the standby address outside the interface's subnet. */
	[MSG_IF_BAD_STANDBY] = "ERROR: Standby address %s is not in the "
	    "interface's subnet.\n",
	/* [M low] reference 4.2: refusal without a shared server license. */
	[MSG_LS_NEED_SERVER] = "ERROR: This command requires a Shared "
	    "License server license.\n",
	/* [M low] reference 4.2: refusal without a participant license. */
	[MSG_LS_NEED_PARTICIPANT] = "ERROR: This command requires a Shared "
	    "License participant or server license.\n",
	/* [M] chapter: "a string between 4 and 128 ASCII characters". */
	[MSG_LS_SECRET_LEN] = "ERROR: Shared secret must be between 4 and "
	    "128 characters.\n",
	/* [M low] license-server [backup] enable with an unknown nameif. */
	[MSG_LS_NO_NAMEIF] = "ERROR: Interface name \"%s\" is not "
	    "configured.\n",
	/* [M low] a serial number that cannot be one (1-32 letters and
	 * digits). */
	[MSG_LS_BAD_SERIAL] = "ERROR: Invalid serial number %s\n",
	/* [M low] show shared license with nothing configured. */
	[MSG_LS_NOT_CONFIGURED] = "Shared license is not configured.\n",
	/* [M] Table 5-16, UC Proxy sessions: clear configure all sets the
	 * platform default; below the UC license, an error asks to raise
	 * it with tls-proxy maximum-sessions. Wording not found. */
	[MSG_TLS_BELOW_UC] = "ERROR: The TLS proxy session limit was reset "
	    "to the platform default of %u, which is lower than the %u "
	    "sessions of the Unified Communications license.\nUse the "
	    "tls-proxy maximum-sessions command to raise the limit.\n",
	/* [M low] no username naming a user that is not configured. */
	[MSG_AAA_NO_USER] = "ERROR: User %s does not exist\n",
	/* [M low] a user name over 64 characters. */
	[MSG_AAA_NAME_LONG] = "ERROR: Username must be 64 characters or "
	    "less\n",
	/* [M low] an "encrypted" password that is not a 16-character hash. */
	[MSG_AAA_BAD_HASH] = "ERROR: Invalid encrypted password\n",
	/* [M low] 9.1 CLI reference: passwords are 3 to 32 characters. */
	[MSG_AAA_PASSWORD_LEN] = "ERROR: Password length must be between 3 "
	    "and 32 characters\n",
	/* [V] reference 6.3 (text); printed by aaa ... LOCAL with no user
	 * configured [I]. */
	[MSG_AAA_DB_EMPTY] = "WARNING: local database is empty! Use "
	    "'username' command to define local users.\n",
	/* [M med] ssh/http/route with host bits outside the mask. */
	[MSG_SSH_ADDR_MASK] = "ERROR: IP address,mask doesn't pair\n",
	/* [M med] who: "0: 100.0.0.2" (ASA command reference example). */
	[MSG_WHO_ROW] = "%u: %s\n",
	/* [M med] show ssh sessions, as the ASA command reference lays it out;
	   asaemu's sessions ride on OpenSSH, whose cipher is not known here. */
	[MSG_SSH_SESSIONS_HEADER] = "\nSID Client IP       Version Mode "
	    "Encryption Hmac     State           Username\n",
	[MSG_SSH_SESSIONS_ROW] = "%-3u %-15s 2.0     IN   aes256-ctr sha1     "
	    "SessionStarted  %s\n                            OUT  aes256-ctr "
	    "sha1     SessionStarted  %s\n",
	/* [M low] ssh disconnect of a session that is not there. */
	[MSG_SSH_NO_SESSION] = "ERROR: SSH session %u not found\n",
	/* [M med] ping tcp, as the ASA command reference's example (8.4+);
	   the round-trip times are the emulator's constant. */
	[MSG_PING_TCP_START] = "Type escape sequence to abort.\nSending %d "
	    "TCP SYN requests to %s port %u\nfrom %s, timeout is 2 "
	    "seconds:\n",
	[MSG_PING_TCP_OK] = "Success rate is %u percent (%u/%d), round-trip "
	    "min/avg/max = 1/1/1 ms\n",
	[MSG_PING_TCP_NONE] = "Success rate is 0 percent (0/%d)\n",
	/* [M low] ping from an interface name that does not exist. */
	[MSG_PING_NO_IF] = "ERROR: %s: interface name not found\n",
	/* [M med] IOS and ASA ping: "No route to host". */
	[MSG_PING_NO_ROUTE] = "ERROR: No route to host %s\n",
	/* [I] asaemu only: emulator link on a device that is not always on. */
	[MSG_LINK_OFF_NETWORK] = "ERROR: This device runs for one batch and "
	    "is not on a lab network\n",
	/* [M] a file system or URL the file commands do not know. */
	[MSG_FS_INVALID] = "%%Error opening %s (Invalid argument)\n",
	/* [M] IOS's wording of a file that cannot be opened. */
	[MSG_FS_OPEN_ERROR] = "%%Error opening %s (%s)\n",
	/* [V] ntc-templates dir, 9.5/9.9: header, rows, totals. */
	[MSG_DIR_HEADER] = "Directory of %s\n\n",
	[MSG_DIR_ROW] = "%-7u%-6s%-13llu%s  %s\n",
	/* [M] IOS: an empty directory. */
	[MSG_DIR_EMPTY] = "No files in directory\n",
	[MSG_DIR_TOTALS] = "\n%llu bytes total (%llu bytes free)\n",
	/* [V] show flash, 9.8(4) ASA 5506-X (netdev mail). */
	[MSG_FLASH_HEADER] = "--#--  --length--  -----date/time------  "
	    "path\n",
	[MSG_FLASH_ROW] = "%5u  %-10llu  %s  %s\n",
	/* [V] delete, 9.5 ASA 5525-X (wrmem capture). */
	[MSG_DELETE_FILENAME] = "Delete filename [%s]?",
	[MSG_DELETE_CONFIRM] = "Delete %s? [confirm]",
	/* [M] IOS. */
	[MSG_DELETE_ERROR] = "%%Error deleting %s (%s)\n",
	/* [V] copy, 9.5 and 8.4(2) captures. */
	[MSG_SOURCE_FILENAME] = "Source filename [%s]?",
	[MSG_DEST_FILENAME] = "Destination filename [%s]?",
	/* [M] IOS. */
	[MSG_RENAME_ERROR] = "%%Error renaming %s to %s (%s)\n",
	/* [M] IOS mkdir and rmdir. */
	[MSG_MKDIR_FILENAME] = "Create directory filename [%s]?",
	[MSG_MKDIR_DONE] = "Created dir %s\n",
	[MSG_MKDIR_ERROR] = "%%Error creating dir %s (%s)\n",
	[MSG_RMDIR_FILENAME] = "Remove directory filename [%s]?",
	[MSG_RMDIR_DONE] = "Removed dir %s\n",
	[MSG_RMDIR_ERROR] = "%%Error removing dir %s (%s)\n",
	/* [M] reference 4: "a row of dots, then verify /MD5 (...) = hex";
	   IOS's forms with a hash to compare. */
	[MSG_VERIFY_DONE] = "Done!\n",
	[MSG_VERIFY_MD5] = "verify /MD5 (%s) = %s\n",
	[MSG_VERIFY_MATCH] = "Verified (%s) = %s\n",
	[MSG_VERIFY_MISMATCH] = "%%Error verifying %s\nComputed signature = "
	    "%s\nSubmitted signature = %s\n",
	/* [M] 9.x verify of an image, reduced to MD5 (asaemu's images). */
	[MSG_VERIFY_START] = "Verifying file integrity of %s\n",
	[MSG_VERIFY_NOT_IMAGE] = "%%ERROR: %s is not a valid image file\n",
	[MSG_VERIFY_EMBEDDED] = "Embedded Hash   MD5: %s\n",
	[MSG_VERIFY_COMPUTED] = "Computed Hash   MD5: %s\n",
	[MSG_VERIFY_BAD] = "%%ERROR: Signature not valid for file %s\n",
	[MSG_VERIFY_GOOD] = "Signature Verified\n",
	/* [V] copy, 9.5 capture; ftp user and password [D] OVH guide. */
	[MSG_REMOTE_HOST] = "Address or name of remote host [%s]?",
	[MSG_SOURCE_USER] = "Source username [%s]?",
	[MSG_SOURCE_PASSWORD] = "Source password [%s]?",
	/* [V] copy running-config tftp:, 9.5 capture. */
	[MSG_COPY_CHECKSUM] = "Cryptochecksum: %.8s %.8s %.8s %.8s \n",
	/* [V] 9.5 capture: "Accessing URL..." then the '!' run. */
	[MSG_COPY_ACCESSING] = "Accessing %s...\n",
	[MSG_COPY_WRITING] = "Writing file %s...\n",
	/* [M] */
	[MSG_COPY_WRITE_ERROR] = "%%Error writing %s (%s)\n",
	/* [M] remembered from ASA 8.x/9.x forums. */
	[MSG_COPY_EXISTS] = "%%Warning:There is a file already existing with "
	    "this name%s\n",
	[MSG_COPY_OVERWRITE] = "Do you want to over write? [confirm]",
	/* [V] 9.5: "4996 bytes copied in 0.660 secs" and "82593792 bytes
	   copied in 211.300 secs (391439 bytes/sec)"; asaemu's times are
	   a deterministic rate. */
	[MSG_COPIED_SHORT] = "%zu bytes copied in %u.%03u secs\n",
	[MSG_COPIED_RATE] = "%zu bytes copied in %u.%03u secs (%llu "
	    "bytes/sec)\n",
	/* [V] 8.4(2) capture: boot system flash:/x. */
	[MSG_BOOT_CONVERTING] = "INFO: Converting %s to %s\n",
	/* [V] 9.7 ASA 5516-X: show bootvar with nothing set; entries joined
	   by ';' [M]. */
	[MSG_BOOTVAR_BOOT] = "\nBOOT variable = %s\n",
	[MSG_BOOTVAR_CURRENT] = "Current BOOT variable =",
	[MSG_BOOTVAR_CONFIG] = "CONFIG_FILE variable = \nCurrent CONFIG_FILE "
	    "variable = \n",
	/* [V] 9.7 ASA 5516-X and the 8.4(2) capture. */
	[MSG_RELOAD_SAVE] = "System config has been modified. Save? "
	    "[Y]es/[N]o:",
	[MSG_RELOAD_PROCEED] = "Proceed with reload? [confirm]",
	/* [V] 9.2(4) OVH guide: the two subsystems every release has. */
	[MSG_RELOAD_SHUTDOWN] = "\n\n***\n*** --- START GRACEFUL SHUTDOWN "
	    "---\nShutting down isakmp\nShutting down File system\n\n\n"
	    "***\n*** --- SHUTDOWN NOW ---\n",
	/* [M] reload quick: the subsystems are not shut down one by one. */
	[MSG_RELOAD_SHUTDOWN_QUICK] = "\n\n***\n*** --- SHUTDOWN NOW ---\n",
	/* [M] IOS's show reload second line. */
	[MSG_RELOAD_REASON] = "Reload reason: %s\n",
	/* [M] reference 2, 8.x; [V] 9.7 for 9.x. */
	[MSG_RELOAD_REBOOT_8X] = "Rebooting....\n",
	[MSG_RELOAD_REBOOT_9X] = "Process shutdown finished\nRebooting... "
	    "(status 0x9)\n..\n",
	/* [V] configure-networks (ROMMON 2.1(9)8) and reference 2b. */
	[MSG_ROMMON_BANNER] = "\nCisco Systems ROMMON Version (2.1(9)8) #1: Wed "
	    "Oct 26 17:14:40 PDT 2011\n\nPlatform %s\n\nUse BREAK or ESC "
	    "to interrupt boot.\nUse SPACE to begin boot immediately.\n",
	[MSG_BOOT_LAUNCH] = "\nLaunching BootLoader...\n",
	/* "entries" for more than one [M]. */
	[MSG_BOOT_ENTRIES] = "Boot configuration file contains %zu entr%s.\n",
	[MSG_BOOT_SEARCH] = "Default configuration file contains 1 entry.\n"
	    "\nSearching / for images to boot.\n",
	[MSG_BOOT_LOADING] = "\nLoading %s...",
	[MSG_BOOT_BOOTING] = " Booting...\nLoading...\n",
	[MSG_BOOT_NOT_FOUND] = "\nError 15: File not found\n",
	/* [M] */
	[MSG_BOOT_BAD_IMAGE] = "\nError: Image verification failed\n",
	[MSG_BOOT_UNSUPPORTED] = "\nError: Image %s is not supported on this "
	    "platform\n",
	[MSG_BOOT_UNABLE] = "unable to boot an image\nBooting from ROMMON\n",
	/* [V] reference 2c/2d: banner, then the configuration read. */
	[MSG_BOOT_BANNER] = "\nCisco Adaptive Security Appliance Software "
	    "Version %s\n\n",
	[MSG_BOOT_READING] = "Reading from flash...\n!\nCryptochecksum "
	    "(unchanged): %.8s %.8s %.8s %.8s\n\n",
	[MSG_BOOT_TYPE_HELP] = "Type help or '?' for a list of available "
	    "commands.\n",
	/* [V] configure-networks: ROMMON after a failed boot. */
	[MSG_ROMMON_HELP] = "\nBoot interrupted.\n\nUse ? for help.\n",
	/* [M] IOS: show reload, reload cancel. */
	[MSG_NO_RELOAD] = "No reload is scheduled.\n",
	/* [M] ROMMON dir. */
	[MSG_ROMMON_DIR] = "File System: FAT16\nDirectory of disk0:/\n",
	[MSG_ROMMON_DIR_ROW] = "%-6u%-11llu%s\n",
	/* [D] ASA 9.9 ASDM guide, "Load an Image Using ROMMON": set (the
	 * header, then one indented NAME=value line a variable, a blank
	 * line), ping server, sync ("Updating NVRAM Parameters... " with
	 * its blank) and tftpdnld's lines. */
	[MSG_ROMMON_SET] = "ROMMON Variable Settings:\n",
	[MSG_ROMMON_SET_ROW] = "  %s=%s\n",
	[MSG_ROMMON_PING] = "Sending %s, 100-byte ICMP Echoes to server %s, "
	    "timeout is %s seconds:\n\n",
	[MSG_ROMMON_PING_RATE] = "Success rate is %u percent (%u/%s)\n\n",
	[MSG_ROMMON_SYNC] = "Updating NVRAM Parameters... \n\n",
	[MSG_ROMMON_TFTP] = "tftp %s@%s via %s\n\n",
	[MSG_ROMMON_TFTP_RECEIVED] = "Received %llu bytes\n\n"
	    "Launching TFTP Image...\n",
	/* [V] bostonit.com KB: "PORT=ETHERNET0/0" echoes the port, its
	 * link and MAC address. */
	[MSG_ROMMON_PORT] = "%s\nLink is UP\nMAC Address: %s\n",
	/* [I] no capture shows ROMMON refusing a value, a sync that
	 * fails, tftpdnld without its variables, or a download that fails;
	 * the TFTP failure line is [M] of 5500 ROMMON. */
	[MSG_ROMMON_BAD_VALUE] = "Invalid value for %s: %s\n",
	[MSG_ROMMON_SYNC_FAILED] = "Error updating NVRAM: %s\n",
	[MSG_ROMMON_TFTP_NO_ADDRESS] = "Invalid or missing %s\n",
	[MSG_ROMMON_TFTP_NO_IMAGE] = "Invalid or missing IMAGE\n",
	[MSG_ROMMON_TFTP_FAILED] = "TFTP failure: Packet verify failed after "
	    "%s retries\n",
	[MSG_ROMMON_TFTP_BAD_IMAGE] = "Invalid image\n",
	/* [V] captures/upgrade/gns3-legacy_show-version_8.0-2_qemu.txt. */
	[MSG_TFTP_BOOTED_IMAGE] = "Unknown, monitor mode tftp booted image",
	/* [V] TunnelsUP / reference 3: confreg. */
	[MSG_ROMMON_CONFREG] = "\nCurrent Configuration Register: 0x00000001\n"
	    "Configuration Summary:\n  boot default image from Flash\n\n",
	[MSG_ROMMON_CONFREG_SET] = "\nUpdate Config Register (%s) in "
	    "NVRAM...\n\n",
	/* [M low] show vpn-sessiondb summary as 9.x lays it out, from
	 * memory; only AnyConnect (SSL/TLS) sessions exist in asaemu. The
	 * capacity is the platform's AnyConnect Premium maximum. */
	[MSG_VPN_SUMMARY] = "------------------------------------------------"
	    "---------------------------\nVPN Session Summary\n-------------"
	    "--------------------------------------------------------------\n"
	    "                               Active : Cumulative : Peak Concur "
	    ": Inactive\n                             ------------------------"
	    "----------------------\nAnyConnect Client            : %6u : "
	    "%10u : %11u :        0\n  SSL/TLS/DTLS               : %6u : "
	    "%10u : %11u :        0\n----------------------------------------"
	    "-----------------------------------\nTotal Active and Inactive "
	    "   : %6u             Total Cumulative : %6u\nDevice Total VPN "
	    "Capacity    : %6u\nDevice Load                  : %5u%%\n-------"
	    "--------------------------------------------------------------"
	    "------\n",
	/* [M low] the shared licensing syslog family 444100-444111 (ASA
	 * syslog guide, from memory; no capture found): 444100 "Shared
	 * <request> request failed. Reason = <reason>". The reasons, the
	 * server-side lines and the addresses are asaemu's. */
	[MSG_SYSLOG_444100_SECRET] = "%%ASA-5-444100: Shared register "
	    "request failed. Reason = Secret mismatch with license server "
	    "%s\n",
	[MSG_SYSLOG_444100_PEER] = "%%ASA-5-444100: Shared register request "
	    "failed. Reason = Secret mismatch from participant %s\n",
	[MSG_SYSLOG_444100_BAD] = "%%ASA-5-444100: Shared message request "
	    "failed. Reason = Invalid message\n",
	/* [M med] 444101, 444102, 444105 (syslog guide, from memory). */
	[MSG_SYSLOG_444101] = "%%ASA-6-444101: Shared license service is "
	    "active. License server address: %s\n",
	[MSG_SYSLOG_444102] = "%%ASA-2-444102: Shared license service "
	    "inactive. License server is not responding.\n",
	/* [M low] 444104 "Shared <type> license availability: <n>": here
	 * the sessions this participant now holds. */
	[MSG_SYSLOG_444104] = "%%ASA-6-444104: Shared AnyConnect Premium "
	    "license availability: %u.\n",
	[MSG_SYSLOG_444105] = "%%ASA-6-444105: Released %u shared "
	    "AnyConnect Premium license(s). License server has been "
	    "unresponsive for 24 hours.\n",
	/* [M low] 444108 "Shared license <state> client id <id>". */
	[MSG_SYSLOG_444108_JOINED] = "%%ASA-6-444108: Shared license "
	    "registered client id %s (%s, %s).\n",
	[MSG_SYSLOG_444108_EXPIRED] = "%%ASA-6-444108: Shared license "
	    "expired client id %s: %u session(s) released.\n",
	/* [M low] 444109 "Shared license backup server role changed to
	 * state" and 444110 (critical, level 2: the chapter's "Critical-level
	 * syslog messages are sent at 15 days, and again at 30 days") "Shared
	 * license server backup has days remaining as active backup server"
	 * (syslog guide, from memory). */
	[MSG_SYSLOG_444109] = "%%ASA-4-444109: Shared license backup server "
	    "role changed to %s.\n",
	[MSG_SYSLOG_444110] = "%%ASA-2-444110: Shared license server backup "
	    "has %u days remaining as active backup server.\n",
	/* [I] show shared license backup on the backup server itself: the
	 * MIB's server status active(1) inactive(2) expired(3) and its
	 * budget; no capture found. */
	[MSG_LS_BACKUP_STATUS] = "Status                 : %s\n"
	    "Operating limit        : %u days %u hours\n",
	/* ---- Failover (failover.c). No capture of these was found: all
	 * guesses, [M low] unless tagged otherwise. ---- */
	/* [M low] failover on a unit whose own license has none (chapter:
	 * the Base license of the 5505, 5510 and 5512-X "does not support
	 * failover"). */
	[MSG_FO_NO_LICENSE] = "ERROR: Failover is not supported by the "
	    "license on this platform.\n",
	/* [M low] chapter: "If your key consists of all 0's, then you need
	 * to reinstall a valid authentication key before failover can be
	 * enabled." */
	[MSG_FO_ZERO_KEY] = "ERROR: The activation key is not valid. "
	    "Reinstall a valid activation key before enabling failover.\n",
	/* [M low] failover lan/link on an interface that has a nameif. */
	[MSG_FO_NAMEIF] = "ERROR: Interface %s has a nameif configured; "
	    "remove it before using it for failover.\n",
	/* [M low] failover interface ip for a name no failover lan or link
	 * command gave. */
	[MSG_FO_NOT_FAILOVER_IF] = "ERROR: %s is not a failover interface "
	    "name.\n",
	/* [M low] failover polltime: the holdtime is at least three polls. */
	[MSG_FO_HOLDTIME] = "ERROR: Failover unit holdtime must be at least "
	    "3 times the unit poll time.\n",
	/* [M low] failover active or write standby with failover off. */
	[MSG_FO_NOT_ENABLED] = "ERROR: Failover is not enabled.\n",
	/* [M low] write standby with no standby unit to receive it. */
	[MSG_FO_NO_MATE] = "ERROR: Standby unit is not available.\n",
	/* [M med] configure terminal on the standby unit, as remembered
	 * from ASA consoles: nothing typed there reaches the active. */
	/* [M low] failover exec with no mate answering. */
	[MSG_FO_EXEC_NO_MATE] = "ERROR: Failed to send the command to the "
	    "mate.\n",
	[MSG_FO_STANDBY_CONFIG] = "**** WARNING ****\n        Configuration "
	    "Replication is NOT performed from Standby unit to Active "
	    "unit.\n        Configurations are no longer synchronized.\n",
	/* Console lines of a failover unit [M med]: as remembered from ASA
	 * consoles, the state lines indented by a tab (printed as 8
	 * blanks, as the show failover captures indent). */
	[MSG_FO_CON_DETECTED] = "        Detected an Active mate\n",
	[MSG_FO_CON_NO_ACTIVE] = "        No Active mate detected\n",
	[MSG_FO_CON_SWITCH_ACTIVE] = "        Switching to Active\n",
	[MSG_FO_CON_SWITCH_STANDBY] = "        Switching to Standby\n",
	[MSG_FO_CON_SEND_BEGIN] = "Beginning configuration replication: "
	    "Sending to mate.\n",
	[MSG_FO_CON_SEND_END] = "End Configuration Replication to mate\n",
	[MSG_FO_CON_RECV_BEGIN] = "Beginning configuration replication from "
	    "mate.\n",
	[MSG_FO_CON_RECV_END] = "End configuration replication from mate.\n",
	[MSG_FO_CON_MATE_LOST] = "        No Response from Mate\n",
	[MSG_FO_CON_LAN_FAILED] = "Failover LAN Failed\n",
	[MSG_FO_CON_LAN_OK] = "Failover LAN became OK\n",
	/* [M low] a mate whose license does not pair; %s is one of the
	 * MSG_FO_REF_ reasons. */
	[MSG_FO_CON_REFUSED] = "        Failover is disabled: %s\n",
	/* [I] chapter: "If the units lose communication for more than 30
	 * days, then each unit reverts to the license installed locally." */
	[MSG_FO_CON_GRACE_OVER] = "        Failover cluster license grace "
	    "period has expired; using the license installed locally\n",
	/* [I] communication back: %u days apart. */
	[MSG_FO_CON_RESTORED] = "        Failover communication with mate "
	    "restored after %u days\n",
	/* [V] captures/upgrade/wrmem-blog_copy-tftp-bootsystem-delete_9.2-
	 * to-9.5_asa5525x.txt, after failover reload-standby brought the
	 * standby up on 9.5(2): the mate's version, then ours. */
	[MSG_FO_CON_VERSION] = "************WARNING****WARNING****WARNING"
	    "********************************\n   Mate version %s is not "
	    "identical with ours %s\n************WARNING****WARNING****"
	    "WARNING********************************\n",
	/* A mate whose failover key differs: its messages do not decrypt.
	 * [D] the first sentence is a heading of Cisco's "PIX/ASA
	 * Active/Standby Failover Configuration Example" (document 77809);
	 * the second [M med], as remembered from consoles. */
	[MSG_FO_CON_KEY] = "WARNING: Failover message decryption failure. "
	    "Please make sure both units have the same failover shared key "
	    "and crypto license or system is not out of memory\n",
	[MSG_FO_REF_PLATFORM] = "Mate's hardware is different",
	[MSG_FO_REF_NO_FAILOVER] = "Mate's license does not support failover",
	[MSG_FO_REF_NO_CLUSTER] = "Mate has no clustering license",
	[MSG_FO_REF_ENCRYPTION] = "Mate's encryption license is different",
	[MSG_FO_REF_IPS] = "Mate's IPS module license is different",
	[MSG_FO_REF_ZERO_KEY] = "An activation key is not valid",
	[MSG_FO_REF_NOT_IDENTICAL] = "Mate's license is different",
	/* [I] releases more than one step of the upgrade path apart. */
	[MSG_FO_REF_VERSION] = "Mate's software version is not compatible",
	/* [I] failover while clustering is enabled (clustering does not
	 * support failover; MSG_CL_FAILOVER is the other way round). */
	[MSG_FO_CLUSTER] = "ERROR: Failover cannot be enabled while "
	    "clustering is enabled.\n",
	/* Active/Active failover groups (failover_group.c). No capture of
	 * these refusals was found; the rules are documented. [M low]
	 * failover group in single context mode ("Active/Active failover
	 * is only available to ASAs in multiple context mode", 9.1
	 * configuration guide). */
	[MSG_FO_GROUP_SINGLE] = "ERROR: Failover groups are only supported "
	    "in multiple context mode.\n",
	/* [I] a license whose Failover is not Active/Active (licensing
	 * chapter tables: "Active/Standby" on the ASA 5505 Security Plus,
	 * "No support" on a Base 5510 or 5512-X). */
	[MSG_FO_GROUP_LICENSE] = "ERROR: Active/Active failover is not "
	    "supported by the current license.\n",
	/* [I] "You cannot remove a failover group that has contexts
	 * explicitly assigned to it" (configuration guide [D]). */
	[MSG_FO_GROUP_REMOVE_CTX] = "ERROR: Failover group %u has contexts "
	    "assigned to it.\n",
	/* [I] "you must remove failover group 1 last" [D]. */
	[MSG_FO_GROUP_REMOVE_1] = "ERROR: Failover group 1 must be removed "
	    "last.\n",
	/* [I] failover active group N for a group not configured. */
	[MSG_FO_GROUP_NONE] = "ERROR: Failover group %u is not "
	    "configured.\n",
	/* ---- Clustering (cluster.c). No capture of these was found: all
	 * guesses, [M low]. ---- */
	/* cluster group on a platform whose table says "No support" (or a
	 * 5500-X before 9.1(4)). */
	[MSG_CL_NO_PLATFORM] = "ERROR: Clustering is not supported on this "
	    "platform.\n",
	/* enable without the Cluster license (chapter: "Each unit must have
	 * a clustering license"). */
	[MSG_CL_NO_LICENSE] = "ERROR: Clustering is not licensed on this "
	    "unit. Install a Cluster license before enabling clustering.\n",
	[MSG_CL_NO_GROUP] = "ERROR: Cluster group %s does not exist.\n",
	[MSG_CL_ONE_GROUP] = "ERROR: Only one cluster group is allowed; "
	    "cluster group %s is already configured.\n",
	[MSG_CL_NAME_LONG] = "ERROR: Name is limited to %u characters.\n",
	[MSG_CL_KEY_LONG] = "ERROR: Key is limited to %u characters.\n",
	[MSG_CL_NAMEIF] = "ERROR: Interface %s has a nameif configured; "
	    "remove it before using it as the cluster control link.\n",
	[MSG_CL_ENABLED] = "ERROR: Please disable clustering (no enable) "
	    "before changing the cluster bootstrap configuration.\n",
	[MSG_CL_INCOMPLETE] = "ERROR: local-unit and cluster-interface must "
	    "be configured before enabling clustering.\n",
	/* Failover is among "Unsupported features with Clustering". */
	[MSG_CL_FAILOVER] = "ERROR: Clustering cannot be enabled while "
	    "failover is enabled.\n",
	[MSG_CL_NOT_CONFIGURED] = "Clustering is not configured\n",
	/* ---- The cluster control link's console lines (commands/
	 * cluster_run.c). No capture was found (searches of the stored
	 * pages and docs for the 9.x console and show cluster info gave
	 * nothing): [M] as remembered from 9.x consoles, [I] where asaemu
	 * words something itself. ---- */
	/* [I] a configuration command on a slave: the guide's "You must
	 * perform all configuration (aside from the bootstrap
	 * configuration) on the master unit only" [D], worded here. */
	[MSG_CL_SLAVE_CONFIG] = "ERROR: This command is not allowed on a "
	    "slave unit; configure the master unit.\n",
	/* [M med] the unit's state changes: unit, from, to. */
	[MSG_CL_CON_STATE] = "Cluster unit %s transitioned from %s to %s\n",
	/* [M med] a unit in election hears the master. */
	[MSG_CL_CON_DETECTED] = "Detected Cluster Master.\n",
	/* [M med] the whole configuration from the master, on joining and
	 * on each change. */
	[MSG_CL_CON_RECV_BEGIN] = "Beginning configuration replication from "
	    "Master.\n",
	[MSG_CL_CON_RECV_END] = "End configuration replication from "
	    "Master.\n",
	/* [I] the master accepted a unit. */
	[MSG_CL_CON_JOINED] = "Cluster unit %s joined the cluster as a "
	    "slave\n",
	/* [I] a unit not heard for the holdtime. */
	[MSG_CL_CON_LOST] = "Cluster unit %s is not responding; removed "
	    "from the cluster\n",
	/* [M low] the opening as remembered ("Asking slave unit ... to
	 * quit"), the reason [I]: one of the MSG_CL_REF_ phrases. */
	[MSG_CL_CON_ASKED_QUIT] = "Asking slave unit %s to quit: %s\n",
	/* [I] the refused unit's side. */
	[MSG_CL_CON_REFUSED] = "The master unit refused this unit: %s\n",
	/* [I] the unit's cluster control link went down. */
	[MSG_CL_CON_LINK_DOWN] = "Cluster control link interface is down; "
	    "leaving the cluster\n",
	/* [I] worded as the failover link's (MSG_FO_CON_GRACE_OVER,
	 * MSG_FO_CON_RESTORED), from the chapter's "If the units lose
	 * communication for more than 30 days, then each unit reverts to
	 * the license installed locally": a lost unit's 30 days ran out;
	 * the last one's on a unit cut off; a lost unit back, %u days
	 * after. */
	[MSG_CL_CON_GRACE_OVER] = "Cluster license grace period for unit %s "
	    "has expired; its license no longer counts\n",
	[MSG_CL_CON_GRACE_LOCAL] = "Cluster license grace period has "
	    "expired; using the license installed locally\n",
	[MSG_CL_CON_RESTORED] = "Cluster communication with unit %s "
	    "restored after %u days\n",
	/* [M med] after the unit leaves, as 9.x consoles print it. */
	[MSG_CL_CON_CLEANUP] = "Cluster disable is performing cleanup..done."
	    "\n",
	/* [I] why the master refused a unit. */
	[MSG_CL_REF_KEY] = "cluster key mismatch",
	[MSG_CL_REF_NO_CLUSTER] = "no clustering license",
	[MSG_CL_REF_ENCRYPTION] = "encryption license mismatch",
	[MSG_CL_REF_PLATFORM] = "hardware mismatch",
	[MSG_CL_REF_LICENSE] = "license mismatch",
	[MSG_CL_REF_FULL] = "cluster unit limit reached",
	[MSG_CL_REF_NAME] = "duplicate unit name",
	/*
	 * mode single|multiple [M]: the dialog as lab write-ups of 8.x
	 * quote it; no capture in the references. The files are the
	 * guide's [D]: "The original running configuration is saved as
	 * old_running.cfg", the admin context's "admin.cfg".
	 */
	[MSG_MODE_WARNING] = "WARNING: This command will change the behavior "
	    "of the device\nWARNING: This command will initiate a Reboot\n",
	[MSG_MODE_PROCEED] = "Proceed with change mode? [confirm]",
	[MSG_MODE_CONVERT] = "Convert the system configuration? [confirm]",
	[MSG_MODE_CONVERTING] = "!\nThe old running configuration file will "
	    "be written to flash\n\nConverting the configuration - this may "
	    "take several minutes for a large configuration\n\nThe admin "
	    "context configuration will be written to flash\n\nThe new "
	    "running configuration file was written to flash\n",
	/* [V] show mode (scripts match "Security context mode: multiple"). */
	[MSG_MODE_SET] = "Security context mode: %s\n",
	[MSG_MODE_SHUTDOWN] = "\n***\n*** --- SHUTDOWN NOW ---\n***\n"
	    "*** Message to all terminals:\n***\n***   change mode\n\n",
	/* [I] no capture of the refusal on a platform without contexts. */
	[MSG_MODE_NOT_LICENSED] = "ERROR: Multiple context mode is not "
	    "licensed on this platform (Security Contexts: 0)\n",
	/* [V] unicon mock: changeto context GLOBAL. */
	[MSG_CTX_INVALID] = "ERROR: '%s' is not valid\n",
	/* [I] the context beyond the license's Security Contexts. */
	[MSG_CTX_LIMIT] = "ERROR: Cannot create context '%s': the license "
	    "allows %u security contexts\n",
	/* [V] show startup-config errors (FPR-2130): a missing file. */
	[MSG_CTX_NO_URL] = "WARNING: Could not fetch the URL %s\n",
	/* [M] what follows it when the context is new. */
	[MSG_CTX_DEFAULT_CONFIG] = "INFO: Creating context with default "
	    "config\n",
	/* [I] allocate-interface: a mapped name already in the context. */
	[MSG_CTX_MAPPED_USED] = "ERROR: Mapped name %s is already used in "
	    "context %s\n",
	/* [V] genieparser show context unit test (9.x columns). */
	[MSG_CTX_HEADER] = "Context Name      Class                "
	    "Interfaces           Mode         URL\n",
	/* [V] genieparser; show context count (a TAC script's match). */
	[MSG_CTX_COUNT] = "Total active Security Contexts: %zu\n",
	/* [M low] write memory all: one stanza per space. */
	[MSG_CTX_SAVING] = "Saving context : %16s : (%03zu/%03zu Contexts "
	    "saved) \n",
	/* [I] a context command with no admin context configured. */
	[MSG_CTX_NO_ADMIN] = "ERROR: Admin context is not configured\n",
	/* [I] a context name over 32 characters. */
	[MSG_CTX_NAME_LONG] = "ERROR: Context name must be no more than 32 "
	    "characters\n",
	/*
	 * [I] no context of the admin context. The configuration guide
	 * (Removing a Security Context) says the current admin context
	 * cannot be removed unless all contexts are (clear configure
	 * context) [M: from memory of the guide; no capture of the text].
	 */
	[MSG_CTX_ADMIN_REMOVE] = "ERROR: Cannot remove the admin context "
	    "'%s'\n",
	/* [V] comp410 show startup-config errors (9.x): after the output of
	 * a configuration line at boot; the line cut to 24 characters and
	 * "..." (config.c). On the console at boot too [M], reference 6. */
	[MSG_CONFIG_LINE] = "*** Output from config line %u, \"%s\"\n",
	/* [V] comp410: show startup-config errors begins so. */
	[MSG_STARTUP_ERRORS] = "Reading from flash...\n",
	/* [M] show reload: no ASA capture; the 8.x/9.x command reference's
	 * example from memory ("Reload scheduled for 00:00:00 PDT Sat April
	 * 20 (in 12 hours and 12 minutes)"), the date as show clock's. */
	[MSG_RELOAD_SCHEDULED] = "Reload scheduled for %s (in %s)\n",
	/* [M] reload cancel: IOS's (Netspoc-Approve tests, reference 4). */
	[MSG_RELOAD_ABORTED] = "\n***\n*** --- SHUTDOWN ABORTED ---\n***\n",
};

const char *
msg(enum msg_id id)
{
	assert(id < MSG_COUNT && messages[id] != NULL);
	return messages[id];
}

enum cmd_status
cmd_error(struct cmd_ctx *ctx, enum msg_id id, ...)
{
	va_list	 ap;

	va_start(ap, id);
	out_vprintf(ctx->out, msg(id), ap);
	va_end(ap);
	return CMD_ERROR;
}
