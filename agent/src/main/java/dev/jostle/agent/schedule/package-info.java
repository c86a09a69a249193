/**
 * The controlled scheduler: in a controlled round the round's threads run one at a time, and at every
 * instrumented point a seeded policy picks the thread that runs next. The decisions are recorded, so a
 * replay of the same seed can be checked step by step. Blocking the agent sees (monitors, wait, park, join)
 * is modelled; blocking it cannot see falls back to a bounded wait, after which the round runs uncontrolled.
 */
package dev.jostle.agent.schedule;
