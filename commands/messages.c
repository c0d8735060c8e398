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
	/* [V] reference 6.3, as the parser prints it. */
	[MSG_INCOMPLETE] = "ERROR: %% Incomplete command\n",
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
