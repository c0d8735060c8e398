/* SPDX-License-Identifier: MIT */
/*
 * The matcher in every mode: the first byte picks the mode, then each
 * line of the input (so that golden transcripts are seeds as they are)
 * goes to grammar_match, grammar_describe and grammar_complete over the
 * real command table; the text after a '|' is also tried as an output
 * filter (the regex bounds) on a few lines.
 */
#include "tests/fuzz/fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands.h"
#include "shell/shell.h"
#include "util/util.h"

static void
one_line(const struct grammar *g, enum mode mode, const char *line)
{
	struct match_result	 m;
	struct describe		 dsc;
	struct arena		 a;
	const char		**v;
	char			*bar, *cause = NULL;

	arena_init(&a);
	grammar_match(g, mode, line, &a, &m);
	grammar_describe(g, mode, line, &a, &dsc);
	for (size_t i = 0; i < dsc.n; i++) {
		if (dsc.items[i].word == NULL)
			abort();
	}
	v = grammar_complete(g, mode, line, &a);
	for (size_t i = 0; v[i] != NULL; i++) {
		if (strlen(v[i]) == 0)
			abort();
	}
	if ((bar = strchr(line, '|')) != NULL) {
		struct out	*out = out_new_buffer();

		if (out_filter_set(out, bar + 1, &cause) == 0) {
			out_puts(out, "interface GigabitEthernet0/0\n"
			    " nameif inside\n security-level 100\n");
			out_puts(out, line);
			out_command_end(out);
		}
		free(cause);
		out_free(out);
	}
	arena_release(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct grammar	*g;
	enum mode		 mode;
	char			*text, *line, *next, *cause = NULL;

	if (g == NULL && (g = grammar_build(cmd_table, &cause)) == NULL) {
		fprintf(stderr, "command table: %s\n", cause);
		abort();
	}
	if (size == 0 || size > 16384)
		return 0;
	mode = (enum mode)(data[0] % MODE_COUNT);
	text = fuzz_strndup(data + 1, size - 1);
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		one_line(g, mode, line);
	}
	free(text);
	return 0;
}
