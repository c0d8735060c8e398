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
	/* [V] reference 6.8: the bare confirmation prompt. */
	[MSG_CONFIRM] = "[confirm]",
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
	    "not updated with the requested key.\nProceed with update flash "
	    "activation key? [confirm]",
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
	/* [V partial] reference 6.7: show curpriv. */
	[MSG_CURPRIV] = "Username : %s\nCurrent privilege level : %d\n"
	    "Current Mode/s : %s\n",
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
