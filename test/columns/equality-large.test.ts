/**
 * The larger shared data sets, read as a graph and as a table: the same
 * answers byte for byte (see equality.test.ts). sx-mathoverflow is read in
 * its answer-to-comment part (c2a); its whole file is that part with two
 * more of the same kind, and reads in 17 s here, too long for every run.
 * advogato and karate-florentine carry no times, so no interactions: a
 * table of interactions has no rows for them.
 */
import { describeData } from '../helpers/data.js';
import { itIsTheSame } from '../helpers/equality.js';

describeData('fromColumns = prepareNetwork on the larger shared data sets', () => {
  itIsTheSame([
    [
      'email-eu (whole)',
      'email-eu-core-temporal/email-Eu-core-temporal.txt.gz',
      { format: 'snap', timeOrigin: '2003-10-01' },
    ],
    ['digg-reply', 'digg-reply/out.munmun_digg_reply', { format: 'konect' }],
    ['mathoverflow-c2a', 'sx-mathoverflow/sx-mathoverflow-c2a.txt.gz', { format: 'snap' }],
  ]);
});
