/*
 * The words time expressions are made of, in one sorted table. Every token
 * is looked up once; a miss (most tokens) rules it out as the start of an
 * expression.
 */
#include "time/timex_internal.h"

#include <stdio.h>
#include <string.h>

const char *const tx_season_codes[4] = {"SP", "SU", "FA", "WI"};
const char *const tx_part_codes[4] = {"MO", "AF", "EV", "NI"};

/* Sorted by norm in byte order (strcmp); a word with two readings
 * ("SECOND": ordinal and unit) has two adjacent entries. */
static const tx_word table[] = {
    {"'LL", TXW_TENSE, 1, 0},
    {"'M", TXW_BE, 0, 0},
    {"'RE", TXW_BE, 0, 0},
    {"A", TXW_CUE, TXC_ARTICLE, 0},
    {"A.M.", TXW_AMPM, 0, 0},
    {"ABOUT", TXW_CUE, TXC_APPROX, 0},
    {"AEST", TXW_ZONE, 0, 0},
    {"AFTERNOON", TXW_PART, 1, 0},
    {"AFTERNOONS", TXW_PART, 1, TXF_PLURAL},
    {"AGO", TXW_TENSE, -1, 0},
    {"AIMS", TXW_TENSE, 1, 0},
    {"ALMOST", TXW_CUE, TXC_APPROX, 0},
    {"AM", TXW_AMPM, 0, TXF_ABBR},
    {"AM", TXW_BE, 0, 0},
    {"AN", TXW_CUE, TXC_ARTICLE, 0},
    {"ANNUAL", TXW_SETWORD, TXU_YEAR, 0},
    {"ANNUALLY", TXW_SETWORD, TXU_YEAR, 0},
    {"ANTICIPATED", TXW_TENSE, 1, 0},
    {"APPROXIMATELY", TXW_CUE, TXC_APPROX, 0},
    {"APR", TXW_MONTH, 4, TXF_ABBR},
    {"APR.", TXW_MONTH, 4, TXF_ABBR},
    {"APRIL", TXW_MONTH, 4, 0},
    {"ARE", TXW_BE, 0, 0},
    {"AROUND", TXW_CUE, TXC_APPROX, 0},
    {"AT", TXW_CUE, TXC_OTHER, 0},
    {"AUG", TXW_MONTH, 8, TXF_ABBR},
    {"AUG.", TXW_MONTH, 8, TXF_ABBR},
    {"AUGUST", TXW_MONTH, 8, 0},
    {"AUTUMN", TXW_SEASON, 2, TXF_RISKY},
    {"BE", TXW_BE, 0, 0},
    {"BECAME", TXW_TENSE, -1, 0},
    {"BEEN", TXW_TENSE, -1, 0},
    {"BEGAN", TXW_TENSE, -1, 0},
    {"BEING", TXW_BE, 0, 0},
    {"BIWEEKLY", TXW_SETWORD, TXU_FORTNIGHT, 0},
    {"BLEW", TXW_TENSE, -1, 0},
    {"BOUGHT", TXW_TENSE, -1, 0},
    {"BOXING", TXW_HOLIDAY, 5, TXF_RISKY},
    {"BROKE", TXW_TENSE, -1, 0},
    {"BROUGHT", TXW_TENSE, -1, 0},
    {"BST", TXW_ZONE, 0, 0},
    {"CAME", TXW_TENSE, -1, 0},
    {"CAUGHT", TXW_TENSE, -1, 0},
    {"CDT", TXW_ZONE, 0, 0},
    {"CENTURIES", TXW_UNIT, TXU_CENTURY, TXF_PLURAL},
    {"CENTURY", TXW_UNIT, TXU_CENTURY, 0},
    {"CEST", TXW_ZONE, 0, 0},
    {"CET", TXW_ZONE, 0, 0},
    {"CHRISTMAS", TXW_HOLIDAY, 0, 0},
    {"COMING", TXW_CUE, TXC_RELATIVE, 0},
    {"COMING", TXW_TENSE, 1, 0},
    {"COUNTLESS", TXW_FUZZY, 0, 0},
    {"COUPLE", TXW_NUMBER, 2, 0},
    {"CST", TXW_ZONE, 0, 0},
    {"CURRENTLY", TXW_REF, TXR_PRESENT, 0},
    {"DAILY", TXW_SETWORD, TXU_DAY, 0},
    {"DAY", TXW_UNIT, TXU_DAY, 0},
    {"DAYS", TXW_UNIT, TXU_DAY, TXF_PLURAL},
    {"DEC", TXW_MONTH, 12, TXF_ABBR},
    {"DEC.", TXW_MONTH, 12, TXF_ABBR},
    {"DECADE", TXW_UNIT, TXU_DECADE, 0},
    {"DECADES", TXW_UNIT, TXU_DECADE, TXF_PLURAL},
    {"DECEMBER", TXW_MONTH, 12, 0},
    {"DELAYED", TXW_TENSE, 1, 0},
    {"DID", TXW_TENSE, -1, 0},
    {"DOZEN", TXW_NUMBER, 12, 0},
    {"DOZENS", TXW_FUZZY, 0, 0},
    {"DREW", TXW_TENSE, -1, 0},
    {"DROVE", TXW_TENSE, -1, 0},
    {"DUE", TXW_TENSE, 1, TXF_RISKY},
    {"EACH", TXW_CUE, TXC_EVERY, 0},
    {"EARLIER", TXW_CUE, TXC_EDGE, 0},
    {"EARLY", TXW_CUE, TXC_EDGE, 0},
    {"EDT", TXW_ZONE, 0, 0},
    {"EEST", TXW_ZONE, 0, 0},
    {"EET", TXW_ZONE, 0, 0},
    {"EIGHT", TXW_NUMBER, 8, 0},
    {"EIGHTEEN", TXW_NUMBER, 18, 0},
    {"EIGHTH", TXW_ORDINAL, 8, 0},
    {"EIGHTY", TXW_NUMBER, 80, 0},
    {"ELEVEN", TXW_NUMBER, 11, 0},
    {"ELEVENTH", TXW_ORDINAL, 11, 0},
    {"EST", TXW_ZONE, 0, 0},
    {"EVENING", TXW_PART, 2, 0},
    {"EVENINGS", TXW_PART, 2, TXF_PLURAL},
    {"EVERY", TXW_CUE, TXC_EVERY, 0},
    {"EXPECTED", TXW_TENSE, 1, 0},
    {"FALL", TXW_SEASON, 2, TXF_RISKY},
    {"FEB", TXW_MONTH, 2, TXF_ABBR},
    {"FEB.", TXW_MONTH, 2, TXF_ABBR},
    {"FEBRUARY", TXW_MONTH, 2, 0},
    {"FELL", TXW_TENSE, -1, 0},
    {"FELT", TXW_TENSE, -1, 0},
    {"FEW", TXW_FUZZY, 0, 0},
    {"FIFTEEN", TXW_NUMBER, 15, 0},
    {"FIFTH", TXW_ORDINAL, 5, 0},
    {"FIFTY", TXW_NUMBER, 50, 0},
    {"FIRST", TXW_ORDINAL, 1, 0},
    {"FISCAL", TXW_CUE, TXC_OTHER, 0},
    {"FIVE", TXW_NUMBER, 5, 0},
    {"FLED", TXW_TENSE, -1, 0},
    {"FLEW", TXW_TENSE, -1, 0},
    {"FOLLOWING", TXW_CUE, TXC_RELATIVE, 0},
    {"FORECAST", TXW_TENSE, 1, 0},
    {"FORTHCOMING", TXW_TENSE, 1, 0},
    {"FORTNIGHT", TXW_UNIT, TXU_FORTNIGHT, 0},
    {"FORTNIGHTS", TXW_UNIT, TXU_FORTNIGHT, TXF_PLURAL},
    {"FORTY", TXW_NUMBER, 40, 0},
    {"FOUGHT", TXW_TENSE, -1, 0},
    {"FOUND", TXW_TENSE, -1, 0},
    {"FOUR", TXW_NUMBER, 4, 0},
    {"FOURTEEN", TXW_NUMBER, 14, 0},
    {"FOURTH", TXW_ORDINAL, 4, 0},
    {"FRI", TXW_WEEKDAY, 4, TXF_ABBR},
    {"FRI.", TXW_WEEKDAY, 4, TXF_ABBR},
    {"FRIDAY", TXW_WEEKDAY, 4, 0},
    {"FRIDAYS", TXW_WEEKDAY, 4, TXF_PLURAL},
    {"FUTURE", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"GAVE", TXW_TENSE, -1, 0},
    {"GET", TXW_BE, 0, 0},
    {"GETS", TXW_BE, 0, 0},
    {"GMT", TXW_ZONE, 0, 0},
    {"GONNA", TXW_TENSE, 1, 0},
    {"GREW", TXW_TENSE, -1, 0},
    {"HAD", TXW_TENSE, -1, 0},
    {"HALF", TXW_CUE, TXC_ARTICLE, 0},
    {"HALLOWEEN", TXW_HOLIDAY, 1, 0},
    {"HEARD", TXW_TENSE, -1, 0},
    {"HELD", TXW_TENSE, -1, 0},
    {"HOUR", TXW_UNIT, TXU_HOUR, 0},
    {"HOURLY", TXW_SETWORD, TXU_HOUR, 0},
    {"HOURS", TXW_UNIT, TXU_HOUR, TXF_PLURAL},
    {"HUNDRED", TXW_NUMBER, 100, 0},
    {"HUNDREDS", TXW_FUZZY, 0, 0},
    {"INTENDS", TXW_TENSE, 1, 0},
    {"IS", TXW_BE, 0, 0},
    {"IST", TXW_ZONE, 0, 0},
    {"JAN", TXW_MONTH, 1, TXF_ABBR},
    {"JAN.", TXW_MONTH, 1, TXF_ABBR},
    {"JANUARY", TXW_MONTH, 1, 0},
    {"JST", TXW_ZONE, 0, 0},
    {"JUL", TXW_MONTH, 7, TXF_ABBR},
    {"JUL.", TXW_MONTH, 7, TXF_ABBR},
    {"JULY", TXW_MONTH, 7, 0},
    {"JUN", TXW_MONTH, 6, TXF_ABBR},
    {"JUN.", TXW_MONTH, 6, TXF_ABBR},
    {"JUNE", TXW_MONTH, 6, 0},
    {"KEPT", TXW_TENSE, -1, 0},
    {"KNEW", TXW_TENSE, -1, 0},
    {"LAST", TXW_CUE, TXC_RELATIVE, 0},
    {"LAST", TXW_TENSE, -1, 0},
    {"LATE", TXW_CUE, TXC_EDGE, 0},
    {"LATELY", TXW_REF, TXR_PAST, 0},
    {"LATER", TXW_CUE, TXC_EDGE, 0},
    {"LED", TXW_TENSE, -1, 0},
    {"LEFT", TXW_TENSE, -1, 0},
    {"LESS", TXW_CUE, TXC_APPROX, 0},
    {"LOST", TXW_TENSE, -1, 0},
    {"MADE", TXW_TENSE, -1, 0},
    {"MANY", TXW_FUZZY, 0, 0},
    {"MAR", TXW_MONTH, 3, TXF_ABBR},
    {"MAR.", TXW_MONTH, 3, TXF_ABBR},
    {"MARCH", TXW_MONTH, 3, TXF_RISKY},
    {"MAY", TXW_MONTH, 5, TXF_RISKY},
    {"MDT", TXW_ZONE, 0, 0},
    {"MEANT", TXW_TENSE, -1, 0},
    {"MET", TXW_TENSE, -1, 0},
    {"MID", TXW_CUE, TXC_EDGE, 0},
    {"MIDDAY", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"MIDNIGHT", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"MIGHT", TXW_TENSE, 1, 0},
    {"MINUTE", TXW_UNIT, TXU_MINUTE, 0},
    {"MINUTES", TXW_UNIT, TXU_MINUTE, TXF_PLURAL},
    {"MOMENT", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"MON", TXW_WEEKDAY, 0, TXF_ABBR},
    {"MON.", TXW_WEEKDAY, 0, TXF_ABBR},
    {"MONDAY", TXW_WEEKDAY, 0, 0},
    {"MONDAYS", TXW_WEEKDAY, 0, TXF_PLURAL},
    {"MONTH", TXW_UNIT, TXU_MONTH, 0},
    {"MONTHLY", TXW_SETWORD, TXU_MONTH, 0},
    {"MONTHS", TXW_UNIT, TXU_MONTH, TXF_PLURAL},
    {"MORE", TXW_CUE, TXC_APPROX, 0},
    {"MORNING", TXW_PART, 0, 0},
    {"MORNINGS", TXW_PART, 0, TXF_PLURAL},
    {"MSK", TXW_ZONE, 0, 0},
    {"MST", TXW_ZONE, 0, 0},
    {"MULTIPLE", TXW_FUZZY, 0, 0},
    {"NEARLY", TXW_CUE, TXC_APPROX, 0},
    {"NEW", TXW_HOLIDAY, 3, TXF_RISKY},
    {"NEXT", TXW_CUE, TXC_RELATIVE, 0},
    {"NEXT", TXW_TENSE, 1, 0},
    {"NIGHT", TXW_PART, 3, 0},
    {"NIGHT", TXW_UNIT, TXU_NIGHT, 0},
    {"NIGHTLY", TXW_SETWORD, TXU_NIGHT, 0},
    {"NIGHTS", TXW_UNIT, TXU_NIGHT, TXF_PLURAL},
    {"NINE", TXW_NUMBER, 9, 0},
    {"NINETEEN", TXW_NUMBER, 19, 0},
    {"NINETY", TXW_NUMBER, 90, 0},
    {"NINTH", TXW_ORDINAL, 9, 0},
    {"NOON", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"NOV", TXW_MONTH, 11, TXF_ABBR},
    {"NOV.", TXW_MONTH, 11, TXF_ABBR},
    {"NOVEMBER", TXW_MONTH, 11, 0},
    {"NOW", TXW_REF, TXR_PRESENT, 0},
    {"NOWADAYS", TXW_REF, TXR_PRESENT, 0},
    {"NUMEROUS", TXW_FUZZY, 0, 0},
    {"OCT", TXW_MONTH, 10, TXF_ABBR},
    {"OCT.", TXW_MONTH, 10, TXF_ABBR},
    {"OCTOBER", TXW_MONTH, 10, 0},
    {"ONE", TXW_NUMBER, 1, 0},
    {"OVER", TXW_CUE, TXC_APPROX, 0},
    {"OVERNIGHT", TXW_PART, 3, 0},
    {"OVERTOOK", TXW_TENSE, -1, 0},
    {"P.M.", TXW_AMPM, 12, 0},
    {"PAID", TXW_TENSE, -1, 0},
    {"PAST", TXW_CUE, TXC_RELATIVE, TXF_ANCHOR},
    {"PDT", TXW_ZONE, 0, 0},
    {"PER", TXW_CUE, TXC_EVERY, 0},
    {"PLAN", TXW_TENSE, 1, 0},
    {"PLANNED", TXW_TENSE, 1, 0},
    {"PLANNING", TXW_TENSE, 1, 0},
    {"PLANS", TXW_TENSE, 1, 0},
    {"PLEDGED", TXW_TENSE, 1, 0},
    {"PM", TXW_AMPM, 12, TXF_ABBR},
    {"POSTPONED", TXW_TENSE, 1, 0},
    {"PRESENT", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"PRESENTLY", TXW_REF, TXR_PRESENT, 0},
    {"PREVIOUS", TXW_CUE, TXC_RELATIVE, 0},
    {"PROMISED", TXW_TENSE, 1, 0},
    {"PST", TXW_ZONE, 0, 0},
    {"QUARTER", TXW_UNIT, TXU_QUARTER, 0},
    {"QUARTERLY", TXW_SETWORD, TXU_QUARTER, 0},
    {"QUARTERS", TXW_UNIT, TXU_QUARTER, TXF_PLURAL},
    {"RAN", TXW_TENSE, -1, 0},
    {"RECENT", TXW_CUE, TXC_RELATIVE, 0},
    {"RECENT", TXW_REF, TXR_PAST, 0},
    {"RECENTLY", TXW_REF, TXR_PAST, 0},
    {"REMAIN", TXW_BE, 0, 0},
    {"REMAINS", TXW_BE, 0, 0},
    {"RIGHT", TXW_CUE, TXC_OTHER, 0},
    {"ROSE", TXW_TENSE, -1, 0},
    {"ROUGHLY", TXW_CUE, TXC_APPROX, 0},
    {"SAID", TXW_TENSE, -1, 0},
    {"SANK", TXW_TENSE, -1, 0},
    {"SAT", TXW_WEEKDAY, 5, TXF_ABBR},
    {"SAT.", TXW_WEEKDAY, 5, TXF_ABBR},
    {"SATURDAY", TXW_WEEKDAY, 5, 0},
    {"SATURDAYS", TXW_WEEKDAY, 5, TXF_PLURAL},
    {"SAW", TXW_TENSE, -1, 0},
    {"SCHEDULED", TXW_TENSE, 1, 0},
    {"SECOND", TXW_ORDINAL, 2, 0},
    {"SECOND", TXW_UNIT, TXU_SECOND, 0},
    {"SECONDS", TXW_UNIT, TXU_SECOND, TXF_PLURAL},
    {"SENT", TXW_TENSE, -1, 0},
    {"SEP", TXW_MONTH, 9, TXF_ABBR},
    {"SEP.", TXW_MONTH, 9, TXF_ABBR},
    {"SEPT", TXW_MONTH, 9, TXF_ABBR},
    {"SEPT.", TXW_MONTH, 9, TXF_ABBR},
    {"SEPTEMBER", TXW_MONTH, 9, 0},
    {"SET", TXW_TENSE, 1, TXF_RISKY},
    {"SEVEN", TXW_NUMBER, 7, 0},
    {"SEVENTEEN", TXW_NUMBER, 17, 0},
    {"SEVENTH", TXW_ORDINAL, 7, 0},
    {"SEVENTY", TXW_NUMBER, 70, 0},
    {"SEVERAL", TXW_FUZZY, 0, 0},
    {"SHALL", TXW_TENSE, 1, 0},
    {"SHOT", TXW_TENSE, -1, 0},
    {"SHOULD", TXW_TENSE, 1, 0},
    {"SIX", TXW_NUMBER, 6, 0},
    {"SIXTEEN", TXW_NUMBER, 16, 0},
    {"SIXTH", TXW_ORDINAL, 6, 0},
    {"SIXTY", TXW_NUMBER, 60, 0},
    {"SOLD", TXW_TENSE, -1, 0},
    {"SOME", TXW_CUE, TXC_APPROX, 0},
    {"SOON", TXW_REF, TXR_FUTURE, 0},
    {"SOUGHT", TXW_TENSE, -1, 0},
    {"SPENT", TXW_TENSE, -1, 0},
    {"SPOKE", TXW_TENSE, -1, 0},
    {"SPRING", TXW_SEASON, 0, TXF_RISKY},
    {"SPRINGTIME", TXW_SEASON, 0, 0},
    {"STOOD", TXW_TENSE, -1, 0},
    {"STRUCK", TXW_TENSE, -1, 0},
    {"SUMMER", TXW_SEASON, 1, TXF_RISKY},
    {"SUMMERTIME", TXW_SEASON, 1, 0},
    {"SUN", TXW_WEEKDAY, 6, TXF_ABBR},
    {"SUN.", TXW_WEEKDAY, 6, TXF_ABBR},
    {"SUNDAY", TXW_WEEKDAY, 6, 0},
    {"SUNDAYS", TXW_WEEKDAY, 6, TXF_PLURAL},
    {"SWORE", TXW_TENSE, -1, 0},
    {"TEN", TXW_NUMBER, 10, 0},
    {"TENTH", TXW_ORDINAL, 10, 0},
    {"TERM", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"THANKSGIVING", TXW_HOLIDAY, 2, 0},
    {"THAT", TXW_CUE, TXC_RELATIVE, 0},
    {"THE", TXW_CUE, TXC_THE, 0},
    {"THESE", TXW_CUE, TXC_RELATIVE, 0},
    {"THIRD", TXW_ORDINAL, 3, 0},
    {"THIRTEEN", TXW_NUMBER, 13, 0},
    {"THIRTY", TXW_NUMBER, 30, 0},
    {"THIS", TXW_CUE, TXC_RELATIVE, 0},
    {"THOUGHT", TXW_TENSE, -1, 0},
    {"THREATENED", TXW_TENSE, 1, 0},
    {"THREE", TXW_NUMBER, 3, 0},
    {"THREW", TXW_TENSE, -1, 0},
    {"THU", TXW_WEEKDAY, 3, TXF_ABBR},
    {"THU.", TXW_WEEKDAY, 3, TXF_ABBR},
    {"THUR", TXW_WEEKDAY, 3, TXF_ABBR},
    {"THUR.", TXW_WEEKDAY, 3, TXF_ABBR},
    {"THURS", TXW_WEEKDAY, 3, TXF_ABBR},
    {"THURS.", TXW_WEEKDAY, 3, TXF_ABBR},
    {"THURSDAY", TXW_WEEKDAY, 3, 0},
    {"THURSDAYS", TXW_WEEKDAY, 3, TXF_PLURAL},
    {"TILL", TXW_TENSE, 1, 0},
    {"TIME", TXW_CUE, TXC_OTHER, TXF_ANCHOR},
    {"TODAY", TXW_DEICTIC, TXD_TODAY, 0},
    {"TOLD", TXW_TENSE, -1, 0},
    {"TOMORROW", TXW_DEICTIC, TXD_TOMORROW, 0},
    {"TOMORROW", TXW_TENSE, 1, 0},
    {"TONIGHT", TXW_DEICTIC, TXD_TONIGHT, 0},
    {"TOOK", TXW_TENSE, -1, 0},
    {"TORE", TXW_TENSE, -1, 0},
    {"TUE", TXW_WEEKDAY, 1, TXF_ABBR},
    {"TUE.", TXW_WEEKDAY, 1, TXF_ABBR},
    {"TUES", TXW_WEEKDAY, 1, TXF_ABBR},
    {"TUES.", TXW_WEEKDAY, 1, TXF_ABBR},
    {"TUESDAY", TXW_WEEKDAY, 1, 0},
    {"TUESDAYS", TXW_WEEKDAY, 1, TXF_PLURAL},
    {"TWELFTH", TXW_ORDINAL, 12, 0},
    {"TWELVE", TXW_NUMBER, 12, 0},
    {"TWENTY", TXW_NUMBER, 20, 0},
    {"TWO", TXW_NUMBER, 2, 0},
    {"UNDERWENT", TXW_TENSE, -1, 0},
    {"UNTIL", TXW_TENSE, 1, 0},
    {"UP", TXW_CUE, TXC_APPROX, 0},
    {"UPCOMING", TXW_CUE, TXC_RELATIVE, 0},
    {"UPCOMING", TXW_TENSE, 1, 0},
    {"UTC", TXW_ZONE, 0, 0},
    {"VALENTINE", TXW_HOLIDAY, 4, TXF_RISKY},
    {"VOWED", TXW_TENSE, 1, 0},
    {"WAS", TXW_TENSE, -1, 0},
    {"WED", TXW_WEEKDAY, 2, TXF_ABBR},
    {"WED.", TXW_WEEKDAY, 2, TXF_ABBR},
    {"WEDNESDAY", TXW_WEEKDAY, 2, 0},
    {"WEDNESDAYS", TXW_WEEKDAY, 2, TXF_PLURAL},
    {"WEEK", TXW_UNIT, TXU_WEEK, 0},
    {"WEEKEND", TXW_UNIT, TXU_WEEKEND, 0},
    {"WEEKENDS", TXW_UNIT, TXU_WEEKEND, TXF_PLURAL},
    {"WEEKLY", TXW_SETWORD, TXU_WEEK, 0},
    {"WEEKS", TXW_UNIT, TXU_WEEK, TXF_PLURAL},
    {"WENT", TXW_TENSE, -1, 0},
    {"WERE", TXW_TENSE, -1, 0},
    {"WILL", TXW_TENSE, 1, 0},
    {"WINTER", TXW_SEASON, 3, TXF_RISKY},
    {"WITHDREW", TXW_TENSE, -1, 0},
    {"WO", TXW_TENSE, 1, 0},
    {"WON", TXW_TENSE, -1, 0},
    {"WROTE", TXW_TENSE, -1, 0},
    {"YEAR", TXW_UNIT, TXU_YEAR, 0},
    {"YEARLY", TXW_SETWORD, TXU_YEAR, 0},
    {"YEARS", TXW_UNIT, TXU_YEAR, TXF_PLURAL},
    {"YESTERDAY", TXW_DEICTIC, TXD_YESTERDAY, 0},
    {"YESTERDAY", TXW_TENSE, -1, 0},
};

#define TABLE_LEN (sizeof table / sizeof table[0])
#define SLOTS 2048

/* A hash of the first two bytes, the last and the length: no loop over
 * the word, which matters when every token of every text is looked up;
 * the words that share it are told apart by the probe's comparison. */
static uint32_t hash_word(const char *s, size_t len)
{
    uint32_t h = (unsigned char)s[0] * 0x9E3779B1u;
    h ^= (uint32_t)(unsigned char)s[1] << 7;
    h ^= (unsigned char)s[len - 1] * 0x85EBCA77u;
    h ^= (uint32_t)len * 0xC2B2AE3Du;
    return h ^ (h >> 15);
}

/* An open-addressed index of the table: a word's slot is its hash modulo
 * SLOTS, probing forward; a slot holds 1 + the index of the word's first
 * entry in its low 12 bits and how many entries the word has above them,
 * 0 when empty. It is derived from the table: after editing the
 * table, run `build/tests/test_timex --print-slots` and paste its output
 * here (test_timex fails until the two agree). */
static const uint16_t slots[SLOTS] = {
    0, 0, 0, 0, 0, 4190, 0, 0, 0, 4245, 0, 4244, 0, 0, 0, 0,
    0, 0, 4302, 0, 0, 0, 4321, 0, 0, 0, 0, 0, 0, 0, 0, 4141,
    0, 4210, 4276, 4361, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8342, 0, 0,
    4422, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 4265, 4423, 4156, 0, 0, 0, 0, 0, 0, 4364, 4437, 0, 4160, 0, 0,
    4280, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4270, 0, 0, 0,
    0, 0, 0, 0, 4139, 4170, 0, 4416, 0, 0, 0, 4132, 0, 0, 0, 0,
    0, 8382, 4346, 4381, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4112, 0, 0, 8553, 0, 4188, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4410, 0, 0, 0, 0, 0,
    0, 4443, 0, 0, 4206, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4392, 4399, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4355, 0, 0,
    0, 0, 4200, 4446, 0, 0, 0, 0, 0, 4292, 0, 4313, 0, 4229, 4199, 0,
    0, 4330, 4337, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 4387, 4158, 0, 0, 4172, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4275, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4174, 0, 0,
    0, 0, 0, 0, 0, 4175, 0, 4235, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 4219, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4298,
    4456, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4191, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 4279, 0, 0, 0, 0, 0, 0, 0, 4183,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4375, 0,
    0, 0, 4396, 0, 0, 4117, 0, 4393, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4418, 0, 0, 0,
    0, 0, 0, 0, 4380, 0, 0, 0, 4271, 0, 0, 4255, 0, 0, 4197, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 4386, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 4173, 0, 0, 0, 0, 4345, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 4125, 0, 0, 0, 0, 0, 4165,
    0, 0, 0, 0, 0, 0, 0, 0, 4405, 0, 4350, 4353, 0, 0, 0, 0,
    0, 4243, 0, 0, 0, 4282, 0, 0, 4360, 0, 0, 0, 4149, 0, 4291, 4344,
    0, 0, 4106, 0, 0, 0, 4136, 0, 0, 0, 0, 0, 0, 4154, 0, 0,
    0, 0, 0, 0, 4440, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 4403, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4143, 0, 0, 4449, 0,
    0, 0, 0, 0, 0, 4285, 4122, 0, 0, 4142, 8527, 0, 4407, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4252, 0, 4164,
    0, 0, 0, 0, 0, 4155, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4358, 4424, 0, 0, 0, 0, 0, 0, 0, 0, 4412, 0, 0,
    4426, 0, 0, 0, 0, 4261, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 4189, 0, 0, 0, 0, 4404, 0, 0, 0, 0, 4238, 0, 0, 0, 0,
    0, 4176, 4370, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 4328, 0, 0, 4184, 0, 0, 0, 0, 0, 0, 4429, 0, 0, 0,
    0, 0, 0, 4212, 0, 4309, 0, 4371, 4366, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4406, 4161, 4251, 0, 0, 0, 0, 0, 0, 4359, 0, 0, 4168,
    0, 0, 0, 0, 0, 4202, 0, 0, 4383, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 4311, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4402, 0, 0, 0,
    0, 0, 0, 0, 0, 4263, 4153, 0, 0, 4196, 0, 0, 0, 0, 0, 4227,
    0, 0, 0, 0, 4323, 4436, 0, 0, 0, 4454, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4157, 0, 0, 0, 0, 0,
    0, 0, 0, 4284, 4376, 8427, 0, 4239, 4242, 0, 0, 4120, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4296, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 4273, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4326, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4258, 0, 4249,
    0, 0, 0, 4198, 4108, 4218, 4222, 0, 4224, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4400, 0, 0, 0, 0, 4237,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 4267, 4417, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 4389, 4369, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4444, 0, 0, 0, 0, 0, 0, 0, 4130, 0, 4264, 0, 0, 0, 0, 0,
    0, 0, 4207, 4225, 4231, 0, 0, 0, 4260, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 4131, 0, 0, 4433, 0, 0, 0, 0, 0,
    4373, 0, 0, 4401, 0, 4123, 4179, 4327, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4126, 0, 0, 0, 0, 0, 4133, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 4250, 0, 4448, 0, 4283, 4329, 0, 0, 4341, 0, 4256, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4215, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 4318, 0, 4178, 0, 4115, 4419, 0, 4324, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4272, 0, 0,
    4378, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 4240, 0, 4257, 0, 0, 4452, 0, 0, 0, 4368, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4266, 4281, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 4102, 4192, 4442, 0, 4339, 4372, 4435, 0, 0, 0, 0, 4438, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 4214, 4408, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 4151, 0, 0, 0, 4409, 0, 0, 0, 0, 4194, 0, 0, 4230, 0,
    4307, 0, 4234, 0, 0, 0, 4204, 0, 0, 0, 4121, 0, 0, 0, 0, 0,
    0, 4325, 0, 4450, 0, 0, 4421, 0, 4314, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4135, 4274, 0, 0, 0,
    0, 0, 0, 4294, 4362, 4349, 4379, 4384, 0, 0, 0, 0, 0, 0, 4226, 4354,
    0, 0, 4301, 0, 0, 4303, 4428, 0, 0, 0, 0, 0, 0, 0, 0, 8242,
    4148, 0, 0, 0, 4223, 0, 0, 0, 0, 0, 0, 0, 0, 4306, 4213, 0,
    0, 0, 0, 0, 4182, 0, 0, 0, 4455, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4453, 0, 0, 0, 0, 4119, 0, 0, 4334, 4374, 0, 0, 0, 0, 0, 4305,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4167, 0, 0, 4140, 0, 0,
    4315, 0, 0, 4166, 0, 0, 0, 0, 0, 0, 0, 4236, 0, 0, 0, 0,
    0, 0, 4104, 0, 0, 0, 0, 4441, 0, 0, 0, 0, 0, 0, 0, 4137,
    4211, 0, 0, 0, 0, 0, 0, 0, 0, 4262, 4152, 4232, 0, 0, 0, 4099,
    0, 0, 0, 0, 4352, 4382, 0, 4308, 0, 0, 0, 0, 0, 4312, 4397, 0,
    0, 4177, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4336, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4395, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 4268, 0, 0, 0, 0, 0, 0, 0, 0, 4144, 4253, 0,
    0, 0, 4351, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4439, 0, 0, 0, 4186,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 4221, 0, 0, 0, 0, 0, 0, 0, 4356, 4415, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4310, 0, 0, 0, 0, 0, 0, 0, 4107, 4427, 0, 4116, 0,
    0, 0, 0, 0, 0, 0, 0, 4203, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4290, 0, 4101, 0, 0, 0, 0, 0, 0, 0, 4233, 0, 0,
    0, 4299, 0, 0, 0, 0, 0, 0, 4338, 0, 4447, 0, 0, 4134, 0, 0,
    0, 4220, 4163, 0, 0, 0, 0, 0, 0, 0, 0, 4278, 0, 0, 0, 4340,
    4377, 0, 0, 0, 0, 4248, 4411, 0, 0, 0, 0, 0, 4451, 4304, 0, 4145,
    4208, 0, 4390, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 4297, 4295, 4138, 4169, 4113, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4097, 0, 0, 0, 4228, 0, 0, 8443, 0, 0, 0, 0, 0,
    0, 0, 4241, 0, 0, 0, 0, 0, 4385, 0, 0, 8384, 0, 0, 0, 4187,
    4181, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4195, 0, 0, 4150, 0, 0,
    0, 0, 0, 0, 0, 4317, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 4171, 8509, 0, 0, 0, 0, 4100, 4367, 0, 0, 4185, 4205, 4434,
    0, 0, 0, 0, 0, 4300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 4322, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4159, 4254, 0,
    0, 0, 0, 0, 4128, 0, 0, 0, 0, 0, 0, 4398, 4098, 4105, 4357, 0,
    0, 0, 0, 4217, 0, 4118, 0, 0, 0, 0, 4363, 0, 0, 4316, 4319, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4394, 0, 0, 0,
    0, 0, 0, 0, 0, 4216, 0, 4209, 0, 0, 0, 0, 0, 0, 0, 4365,
    0, 0, 0, 0, 4343, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 4111, 0, 0, 0, 4103, 0, 0, 4388, 4293,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4277, 0, 4129, 0,
    0, 0, 0, 0, 4342, 4335, 0, 0, 4445, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4127, 4201,
    4114, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4430, 0, 0,
    4320, 0, 0, 0, 4333, 0, 4193, 0, 0, 0, 4162, 0, 0, 0, 0, 0,
    0, 0, 4420, 0, 4124, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4259, 0, 0, 0, 0, 4425, 8205, 4180, 0, 0, 0, 0, 4269, 4391, 0, 0,
};

size_t tx_lookup(const char *norm, const tx_word **first)
{
    size_t len = strlen(norm);
    if (len == 0 || len > TX_WORD_MAX) {
        *first = NULL;
        return 0;
    }
    return tx_lookup_len(norm, len, first);
}

/* w equals the len bytes of norm (w's NUL stops a shorter w) */
static int same_word(const char *w, const char *norm, size_t len)
{
    for (size_t k = 0; k < len; k++)
        if (w[k] != norm[k])
            return 0;
    return w[len] == '\0';
}

size_t tx_lookup_len(const char *norm, size_t len, const tx_word **first)
{
    *first = NULL;
    for (uint32_t k = hash_word(norm, len) & (SLOTS - 1);; k = (k + 1) & (SLOTS - 1)) {
        unsigned e = slots[k];
        if (!e)
            return 0;
        const tx_word *w = &table[(e & 0xFFF) - 1];
        if (same_word(w->norm, norm, len)) {
            *first = w;
            return e >> 12;
        }
    }
}

/* The slots the table calls for, computed the slow way. */
static void build_slots(uint16_t out[SLOTS])
{
    memset(out, 0, SLOTS * sizeof out[0]);
    for (size_t i = 0; i < TABLE_LEN; i++) {
        if (i > 0 && strcmp(table[i - 1].norm, table[i].norm) == 0)
            continue;
        unsigned n = 1;
        while (i + n < TABLE_LEN && strcmp(table[i + n].norm, table[i].norm) == 0)
            n++;
        uint32_t k = hash_word(table[i].norm, strlen(table[i].norm)) & (SLOTS - 1);
        while (out[k])
            k = (k + 1) & (SLOTS - 1);
        out[k] = (uint16_t)((i + 1) | n << 12);
    }
}

size_t tx_lexicon_check(void)
{
    /* the slot encoding: 12 bits of index, 4 of count */
    if (TABLE_LEN >= 0xFFF)
        return TABLE_LEN;
    for (size_t i = 0; i < TABLE_LEN; i++) {
        if (strlen(table[i].norm) > TX_WORD_MAX)
            return i + 1;
        if (i >= 15 && strcmp(table[i - 15].norm, table[i].norm) == 0)
            return i + 1;
    }
    for (size_t i = 1; i < TABLE_LEN; i++) {
        int cmp = strcmp(table[i - 1].norm, table[i].norm);
        if (cmp > 0 || (cmp == 0 && table[i - 1].kind == table[i].kind))
            return i + 1;
    }
    uint16_t want[SLOTS];
    build_slots(want);
    for (size_t k = 0; k < SLOTS; k++)
        if (want[k] != slots[k])
            return TABLE_LEN + 1 + k;
    return 0;
}

void tx_lexicon_print_slots(FILE *out)
{
    uint16_t want[SLOTS];
    build_slots(want);
    for (size_t k = 0; k < SLOTS; k++)
        fprintf(out, "%s%u,%s", k % 16 ? " " : "    ", want[k], k % 16 == 15 ? "\n" : "");
}
