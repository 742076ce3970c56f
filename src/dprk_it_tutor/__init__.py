"""dprk-it-tutor: a terminal course on North Korea's IT sector as reported in 2012-2013."""
