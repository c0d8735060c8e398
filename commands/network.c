/* SPDX-License-Identifier: MIT */
/*
 * ping tcp [IF_NAME] A.B.C.D PORT: five TCP connection attempts through
 * the lab's network; emulator link INTERFACE (down | up): asaemu only,
 * the cable of a physical interface, to rehearse faults. After every
 * command the device's endpoints follow its configuration.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "commands/commands_int.h"

#define PING_COUNT	5

void
cmd_network_sync(struct cmd_ctx *ctx)
{
	/*
	 * A replayed configuration syncs once, at its end (replay_lines):
	 * after each of its lines, the sync was a quarter of a boot.
	 */
	if (ctx->replay)
		return;
	device_net_sync(ctx->dev);
}

static void
addr_text(uint32_t ip, char buf[16])
{
	snprintf(buf, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff,
	    (ip >> 8) & 0xff, ip & 0xff);
}

static enum cmd_status
ping_tcp_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*nameif = cmd_arg_str(args, "if");
	uint32_t	 ip = cmd_arg_u32(args, "host", 0);
	uint16_t	 port = (uint16_t)cmd_arg_u32(args, "port", 0);
	uint32_t	 src = 0;
	char		 to[16], from[16], marks[PING_COUNT + 1];
	unsigned	 ok = 0;

	if (nameif != NULL && device_iface_by_nameif(ctx->dev, nameif) == NULL)
		return cmd_error(ctx, MSG_PING_NO_IF, nameif);
	addr_text(ip, to);
	for (int i = 0; i < PING_COUNT; i++) {
		int fd = device_net_connect(ctx->dev, nameif, ip, port, &src);

		if (fd == -1 && errno == ENETUNREACH)
			return cmd_error(ctx, MSG_PING_NO_ROUTE, to);
		marks[i] = fd != -1 ? '!' : '?';
		ok += fd != -1;
		if (fd != -1)
			close(fd);
	}
	marks[PING_COUNT] = '\0';
	addr_text(src, from);
	out_printf(ctx->out, msg(MSG_PING_TCP_START), PING_COUNT, to, port,
	    from);
	out_printf(ctx->out, "%s\n", marks);
	if (ok > 0)
		out_printf(ctx->out, msg(MSG_PING_TCP_OK), ok * 100 / PING_COUNT,
		    ok, PING_COUNT);
	else
		out_printf(ctx->out, msg(MSG_PING_TCP_NONE), PING_COUNT);
	return CMD_OK;
}

static enum cmd_status
emulator_link_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*typed = cmd_arg_str(args, "interface");
	uint32_t	 sub = 0;
	size_t		 port = device_iface_resolve(ctx->dev, typed, &sub);

	if (port == (size_t)-1 || sub != 0)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	if (device_link_set(ctx->dev, port, cmd_arg_has(args, "up")) != 0)
		return cmd_error(ctx, MSG_LINK_OFF_NETWORK);
	return CMD_OK;
}

static const struct cmd_help ping_tcp_help[] = {
	{ "ping", "Send echo messages" },
	{ "tcp", "TCP ping" },
	{ "if", "Name of the interface to ping from" },
	{ "host", "Destination IP address" },
	{ "port", "Destination TCP port" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_ping_tcp_entry = {
	.syntax = "ping tcp (<host:ipv4> <port:1-65535> | "
	    "<if:word> <host:ipv4> <port:1-65535>)",
	.help = ping_tcp_help,
	.modes = MODES_ALL,
	.exec = ping_tcp_exec,
	.since = SINCE_PING_TCP,
};

static const struct cmd_help emulator_link_help[] = {
	{ "emulator", HELP_EMULATOR },
	{ "link", "asaemu only: plug a physical interface's cable in or "
	    "out" },
	{ "interface", "Physical interface" },
	{ "down", "Pull the cable: the link goes down" },
	{ "up", "Plug the cable back in" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_emulator_link_entry = {
	.syntax = "emulator link <interface:word> (down | up)",
	.help = emulator_link_help,
	.modes = MODES_EXEC,
	.exec = emulator_link_exec,
};
