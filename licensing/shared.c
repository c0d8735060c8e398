/* SPDX-License-Identifier: MIT */
/*
 * Shared AnyConnect Premium licensing: the pool arithmetic and the timer
 * rules of the chapter's "Shared AnyConnect Premium Licenses" section,
 * as pure functions of the numbers and the device time they are given.
 * The protocol that carries them is the device's (device/shared_*.c);
 * licensing/SHARED.md has both.
 */
#include "licensing/licensing.h"

/*
 * "The shared license is used only after the sessions from the locally
 * installed license (time-based or permanent) are used up. Note: On the
 * shared licensing server, the permanent AnyConnect Premium license is
 * not used; you can however use a time-based license ... available for
 * local AnyConnect Premium sessions only" (FAQ).
 */
uint32_t
lic_shared_local(uint32_t premium, bool premium_timed, bool server)
{
	if (server && !premium_timed)
		return 0;
	return premium;
}

/*
 * "When a participant uses up the sessions of the local license, it
 * sends a request ... for additional sessions in 50-session increments.
 * ... The total sessions used by a participant cannot exceed the maximum
 * sessions for the platform model."
 */
uint32_t
lic_shared_want(uint32_t demand, uint32_t local, uint32_t limit)
{
	uint64_t	 need, room;

	if (local >= limit)
		return 0;
	room = (uint64_t)limit - local;
	if (demand <= local)
		return 0;
	need = (uint64_t)demand - local;
	need = (need + LIC_SHARED_STEP - 1) / LIC_SHARED_STEP *
	    LIC_SHARED_STEP;
	return (uint32_t)(need < room ? need : room);
}

/*
 * "If there are not enough sessions left in the shared license pool for
 * the participant, then the server responds with as many sessions as
 * available." A release ("When the load is reduced on a participant, it
 * sends a message to the server to release the shared sessions") always
 * succeeds.
 */
uint32_t
lic_shared_grant(uint32_t want, uint32_t held, uint32_t avail, uint32_t room)
{
	uint64_t	 got;

	if (want > room)
		want = room;
	if (want <= held)
		return want;
	got = (uint64_t)held + avail;
	return (uint32_t)(got < want ? got : want);
}

/*
 * "For participant pairs, both units register with the shared licensing
 * server using separate participant IDs. ... The standby unit uses this
 * ID to generate a transfer request when it switches to the active role.
 * This transfer request is used to move the shared sessions from the
 * previously active unit to the new active unit." Never beyond room.
 */
uint32_t
lic_shared_transfer(uint32_t held, uint32_t from, uint32_t room)
{
	uint32_t	 space = room > held ? room - held : 0;

	return from < space ? from : space;
}

/*
 * "The participant leaves existing connections established, but cannot
 * accept new connections beyond the license limit."
 */
uint32_t
lic_shared_active(uint32_t demand, uint32_t capacity, uint32_t active)
{
	uint32_t	 keep = active < demand ? active : demand;
	uint32_t	 can = demand < capacity ? demand : capacity;

	return keep > can ? keep : can;
}

/*
 * "If a participant fails to send a refresh after 3 times the refresh
 * interval, then the server releases the sessions back into the shared
 * license pool."
 */
bool
lic_shared_peer_expired(int64_t seen, uint32_t refresh, int64_t now)
{
	return now - seen >= (int64_t)LIC_SHARED_MISSES * refresh;
}

/*
 * "... the participant can continue to use the shared license it
 * received from the server for up to 24 hours. If the participant is
 * still not able to communicate with a license server after 24 hours,
 * then the participant releases the shared license."
 */
bool
lic_shared_grace_over(int64_t contact, int64_t now)
{
	return now - contact >= LIC_SHARED_GRACE;
}

/*
 * "When you first launch the main shared licensing server, the backup
 * server can only operate independently for 5 days. The operational
 * limit increases day-by-day, until 30 days is reached." The budget
 * starts at the backup's first sync, the first it hears of the main
 * server.
 */
void
lic_shared_backup_start(struct lic_shared_backup *b, int64_t now)
{
	if (b->started)
		return;
	b->started = true;
	b->budget = LIC_SHARED_BACKUP_START;
	b->at = now;
	b->active = false;
	b->active_for = 0;
}

/*
 * "if the main server later goes down for any length of time, the backup
 * server operational limit decrements day-by-day. When the main server
 * comes back up, the backup server starts to increment again day-by-day.
 * For example, if the main server is down for 20 days, with the backup
 * server active during that time, then the backup server will only have
 * a 10-day limit left over. The backup server "recharges" up to the
 * maximum 30 days after 20 more days as an inactive backup."
 * "Critical-level syslog messages are sent at 15 days, and again at 30
 * days": at 15 days served, and when the budget is spent (30 days with a
 * full one) and the backup "stops issuing sessions".
 */
unsigned
lic_shared_backup_advance(struct lic_shared_backup *b, int64_t now)
{
	int64_t		 dt = now - b->at;
	unsigned	 ev = LIC_SHARED_BK_NONE;

	if (!b->started || dt <= 0)
		return ev;
	b->at = now;
	if (!b->active) {
		b->budget = b->budget + dt > LIC_SHARED_BACKUP_MAX ?
		    LIC_SHARED_BACKUP_MAX : b->budget + dt;
		return ev;
	}
	if (b->budget == 0)
		return ev;
	if (b->active_for < LIC_SHARED_BACKUP_WARN &&
	    b->active_for + (dt < b->budget ? dt : b->budget) >=
	    LIC_SHARED_BACKUP_WARN)
		ev |= LIC_SHARED_BK_WARN;
	if (dt >= b->budget) {
		b->active_for += b->budget;
		b->budget = 0;
		ev |= LIC_SHARED_BK_EXPIRED;
	} else {
		b->active_for += dt;
		b->budget -= dt;
	}
	return ev;
}

bool
lic_shared_backup_takeover(struct lic_shared_backup *b, int64_t now)
{
	if (!b->started)
		return false;
	(void)lic_shared_backup_advance(b, now);
	if (b->budget == 0)
		return false;
	if (!b->active) {
		b->active = true;
		b->active_for = 0;
	}
	return true;
}

void
lic_shared_backup_handback(struct lic_shared_backup *b, int64_t now)
{
	(void)lic_shared_backup_advance(b, now);
	b->active = false;
	b->active_for = 0;
}
